using Testcontainers.MongoDb;

namespace Backend.Store.Tests;

/// <summary>
/// The MongoDB the Mongo tests run against: <c>MONGODB_URI</c> when set, else a throw-away container when Docker
/// is reachable, else none, and the tests skip.
/// </summary>
public sealed class MongoServer : IAsyncLifetime
{
    public const string UnavailableReason = "MongoDB not available: set MONGODB_URI or run where Docker is available";

    private MongoDbContainer? container;

    public string? ConnectionString { get; private set; }

    /// <summary>Tells apart the databases of concurrent runs against one shared server.</summary>
    public string RunId { get; } = DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "-" + Guid.NewGuid().ToString("N")[..6];

    public async ValueTask InitializeAsync()
    {
        var uri = Environment.GetEnvironmentVariable("MONGODB_URI");
        if (!string.IsNullOrWhiteSpace(uri))
        {
            ConnectionString = uri;
            return;
        }

        try
        {
            container = new MongoDbBuilder("mongo:8.0").Build();
            await container.StartAsync(TestContext.Current.CancellationToken);
            ConnectionString = container.GetConnectionString();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // No Docker engine here: the Mongo tests report themselves skipped with the reason.
            container = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (container is not null)
        {
            await container.DisposeAsync();
        }
    }
}
