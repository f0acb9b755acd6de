using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using Backend.Domain.Catalog;
using Backend.Domain.FailedMessages;
using Backend.Domain.Jobs;
using Backend.Domain.Orders;
using Backend.Messaging;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

using RabbitMQ.Client;

namespace Backend.Integration.Tests.Infrastructure;

/// <summary>
/// The production shape on one machine: one ingress host and any number of worker hosts, each with its own
/// connection to the real broker, sharing one SQLite file. Queues are emptied first so no earlier test leaks in.
/// </summary>
public sealed class BackendStack : IAsyncDisposable
{
    private static readonly IReadOnlyList<string> Queues = QueueNames.All;

    private readonly string _databasePath;
    private readonly RabbitMqBroker _broker;
    private readonly IngressHost _ingress;
    private readonly List<WorkersHostFactory> _workers;

    private BackendStack(RabbitMqBroker broker, string databasePath, IngressHost ingress, List<WorkersHostFactory> workers)
    {
        _broker = broker;
        _databasePath = databasePath;
        _ingress = ingress;
        _workers = workers;
    }

    public IOrderStore Orders => _ingress.Services.GetRequiredService<IOrderStore>();

    public IProductStore Products => _ingress.Services.GetRequiredService<IProductStore>();

    public IJobStore Jobs => _ingress.Services.GetRequiredService<IJobStore>();

    /// <summary>Stops the worker hosts gracefully, as a deployment's rollout would, before the test reads what they left.</summary>
    public async Task StopWorkersAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        _workers.Clear();
    }
    public IFailedMessageStore FailedMessages => _ingress.Services.GetRequiredService<IFailedMessageStore>();

    public static async Task<BackendStack> StartAsync(
        RabbitMqBroker broker,
        int workerCount = 1,
        IReadOnlyDictionary<string, string?>? workerSettings = null,
        bool useMongo = false,
        bool ingestFailedMessages = false)
    {
        broker.SkipIfUnavailable();
        var mongoUri = Environment.GetEnvironmentVariable("MONGODB_URI");
        if (useMongo && string.IsNullOrWhiteSpace(mongoUri))
        {
            Assert.Skip("MongoDB not available: set MONGODB_URI to run this test against MongoDB (no server can be installed on this machine).");
        }

        await ResetQueuesAsync(broker);

        var databasePath = Path.Combine(Path.GetTempPath(), $"integration-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?>(broker.ToConfiguration())
        {
            ["Store:Provider"] = useMongo ? "Mongo" : "Sqlite",
            ["Store:Sqlite:Path"] = databasePath,
        };
        if (useMongo)
        {
            settings["Store:Mongo:ConnectionString"] = mongoUri;
            settings["Store:Mongo:Database"] = $"integration_{Guid.NewGuid():N}";
        }
        foreach (var (key, value) in TestKeys.Settings())
        {
            settings[key] = value;
        }

        // Off unless asked: tests of the error queues themselves read them, and ingestion would empty them first.
        settings["FailedMessages:Ingest"] = ingestFailedMessages ? "true" : "false";

        var workers = Enumerable.Range(0, workerCount)
            .Select(_ => new WorkersHostFactory(Merge(settings, workerSettings)))
            .ToList();

        // Touching Services starts a host; workers first, so their queues are bound before anything is sent.
        workers.ForEach(worker => _ = worker.Services);
        var ingress = new IngressHost(settings);
        _ = ingress.Services;
        return new BackendStack(broker, databasePath, ingress, workers);
    }

    public HttpClient Client(string apiKey = TestKeys.Client)
    {
        var client = _ingress.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public async Task SeedProductAsync(string sku, int onHand, decimal unitPrice = 10m, int reorderPoint = 0)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await Products.UpsertAsync(new ProductDefinition(sku, $"Product {sku}", unitPrice, true, reorderPoint), cancellationToken);
        await Products.ReceiveAsync(sku, onHand, $"seed-{sku}", cancellationToken);
    }

    /// <summary>
    /// Polls the order view, as a client would, until <paramref name="done"/> holds for its status. An order
    /// published straight to the broker is not found until a worker has stored it, so 404 means "not yet".
    /// </summary>
    public async Task<JsonElement> WaitForOrderAsync(Guid orderId, Func<string, bool> done, string apiKey = TestKeys.Operator)
    {
        using var client = Client(apiKey);
        var view = await Eventually.GetAsync(
            async cancellationToken =>
            {
                using var response = await client.GetAsync($"/api/orders/{orderId}", cancellationToken);
                return response.StatusCode == HttpStatusCode.NotFound
                    ? (JsonElement?)null
                    : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            },
            found => found is { } order && done(order.GetProperty("status").GetString()!),
            $"order {orderId} to reach the expected status");
        return view!.Value;
    }

    public Task<JsonElement> WaitForFinalAsync(Guid orderId) =>
        WaitForOrderAsync(orderId, status => status is "Confirmed" or "Rejected" or "Cancelled" or "Expired" or "Shipped");

    /// <summary>Publishes a body as a system without MassTransit would: a plain AMQP client and no envelope.</summary>
    public async Task PublishPlainAsync(string exchange, string body, string? contentType = "application/json", string? messageId = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await new ConnectionFactory { Uri = _broker.AmqpUri }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var properties = new BasicProperties { ContentType = contentType, MessageId = messageId, Persistent = true };
        await channel.BasicPublishAsync(exchange, routingKey: "", mandatory: true, properties, Encoding.UTF8.GetBytes(body), cancellationToken);
    }

    /// <summary>Waits for one message in a queue's error queue and returns its body and headers.</summary>
    public async Task<(string Body, IDictionary<string, object?> Headers)> WaitForErrorAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = _broker.AmqpUri }.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        var message = await Eventually.GetAsync(
            async cancellationToken => await channel.BasicGetAsync(QueueNames.ErrorQueue(queue), autoAck: true, cancellationToken),
            result => result is not null,
            $"a message in {QueueNames.ErrorQueue(queue)}");
        return (Encoding.UTF8.GetString(message!.Body.Span), message.BasicProperties.Headers ?? new Dictionary<string, object?>());
    }

    public async Task<uint> CountAsync(string queue)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await new ConnectionFactory { Uri = _broker.AmqpUri }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
    }

    public async ValueTask DisposeAsync()
    {
        await _ingress.DisposeAsync();
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_databasePath)!, Path.GetFileName(_databasePath) + "*"))
        {
            File.Delete(file);
        }
    }

    private static Dictionary<string, string?> Merge(Dictionary<string, string?> settings, IReadOnlyDictionary<string, string?>? extra)
    {
        var merged = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return merged;
    }

    private static async Task ResetQueuesAsync(RabbitMqBroker broker)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await new ConnectionFactory { Uri = broker.AmqpUri }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        foreach (var queue in Queues.Concat(Queues.Select(QueueNames.ErrorQueue)).Concat(Queues.Select(queue => queue + FailedMessageHeaders.SkippedSuffix)))
        {
            // Deleting a queue that does not exist is not an error in RabbitMQ.
            await channel.QueueDeleteAsync(queue, cancellationToken: cancellationToken);
        }

        // MassTransit creates an error queue on the first fault; declared up front, tests can count it empty.
        foreach (var queue in Queues.Select(QueueNames.ErrorQueue))
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        }
    }
}
