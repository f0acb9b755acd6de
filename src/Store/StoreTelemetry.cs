using System.Diagnostics;

namespace Backend.Store;

/// <summary>The activity source of every store call; add <see cref="ActivitySourceName"/> to the tracer.</summary>
public static class StoreTelemetry
{
    public const string ActivitySourceName = "Backend.Store";

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    internal static async Task<T> TraceAsync<T>(string system, string operation, Func<Task<T>> call)
    {
        var collection = CollectionOf(operation);
        using var activity = Source.StartActivity(collection is null ? $"{system} {operation}" : $"{system} {operation} {collection}", ActivityKind.Client);
        // The operation and where it works, never a document's contents or a statement's parameters.
        activity?.SetTag("db.system", system);
        activity?.SetTag("db.operation", operation);
        activity?.SetTag("db.operation.name", operation);
        activity?.SetTag("db.collection.name", collection);
        try
        {
            return await call();
        }
        catch (Exception exception) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
    }

    /// <summary>
    /// The table (SQLite) or collection (MongoDB) an operation is about, named alike in both stores. SQLite keeps
    /// reservations and receipts in tables of their own beside <c>products</c>; the span names the main one.
    /// </summary>
    internal static string? CollectionOf(string operation) => operation switch
    {
        "ping" => null,
        _ when operation.Contains("order", StringComparison.Ordinal) => "orders",
        _ when operation.Contains("payment", StringComparison.Ordinal) || operation.Contains("authorization", StringComparison.Ordinal) => "payments",
        _ => "products",
    };

    internal static Task TraceAsync(string system, string operation, Func<Task> call) =>
        TraceAsync(system, operation, async () =>
        {
            await call();
            return true;
        });
}
