using System.Diagnostics;

namespace Backend.Store;

/// <summary>The activity source of every store call; add <see cref="ActivitySourceName"/> to the tracer.</summary>
public static class StoreTelemetry
{
    public const string ActivitySourceName = "Backend.Store";

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    internal static async Task<T> TraceAsync<T>(string system, string operation, Func<Task<T>> call)
    {
        using var activity = Source.StartActivity($"{system} {operation}", ActivityKind.Client);
        activity?.SetTag("db.system", system);
        activity?.SetTag("db.operation", operation);
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

    internal static Task TraceAsync(string system, string operation, Func<Task> call) =>
        TraceAsync(system, operation, async () =>
        {
            await call();
            return true;
        });
}
