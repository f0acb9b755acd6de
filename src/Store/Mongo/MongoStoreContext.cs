using Backend.Domain.Jobs;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using MongoDB.Bson;
using MongoDB.Driver;

namespace Backend.Store.Mongo;

/// <summary>The client, database and collections shared by the Mongo stores, and their indexes.</summary>
internal sealed class MongoStoreContext : IStoreInitializer, IDisposable
{
    public const string System = "mongodb";
    private const string IdempotencyIndexName = "ux_orders_customer_idempotency_key";

    private readonly InitializeOnce initialization = new();
    private readonly MongoClient client;
    private readonly ILogger<MongoStoreContext> logger;

    static MongoStoreContext() => MongoConventions.Register();

    public MongoStoreContext(IOptions<MongoStoreOptions> options, ILogger<MongoStoreContext> logger)
    {
        this.logger = logger;
        client = new MongoClient(options.Value.ConnectionString);
        Database = client.GetDatabase(options.Value.Database);
        Orders = Database.GetCollection<OrderDocument>("orders");
        Products = Database.GetCollection<ProductDocument>("products");
        Payments = Database.GetCollection<PaymentDocument>("payments");
        DailyReports = Database.GetCollection<DailyReportDocument>("daily_reports");
        Jobs = Database.GetCollection<JobDocument>("jobs");
        JobRuns = Database.GetCollection<JobRunDocument>("job_runs");
        FailedMessages = Database.GetCollection<FailedMessageDocument>("failedMessages");
    }

    public IMongoDatabase Database { get; }

    public IMongoCollection<OrderDocument> Orders { get; }

    public IMongoCollection<ProductDocument> Products { get; }

    public IMongoCollection<PaymentDocument> Payments { get; }

    public IMongoCollection<DailyReportDocument> DailyReports { get; }

    public IMongoCollection<JobDocument> Jobs { get; }

    public IMongoCollection<JobRunDocument> JobRuns { get; }
    public IMongoCollection<FailedMessageDocument> FailedMessages { get; }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        initialization.RunAsync(CreateIndexesAsync, cancellationToken);

    /// <summary>Runs <paramref name="work"/> traced, once the indexes exist.</summary>
    public Task<T> RunAsync<T>(string operation, Func<Task<T>> work, CancellationToken cancellationToken) =>
        StoreTelemetry.TraceAsync(System, operation, async () =>
        {
            await InitializeAsync(cancellationToken);
            return await work();
        });

    public Task RunAsync(string operation, Func<Task> work, CancellationToken cancellationToken) =>
        RunAsync(operation, async () =>
        {
            await work();
            return true;
        }, cancellationToken);

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        var reply = await Database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
        return reply.TryGetValue("ok", out var ok) && ok.ToDouble() >= 1;
    }

    public void Dispose() => client.Dispose();

    private async Task CreateIndexesAsync(CancellationToken cancellationToken)
    {
        var order = Builders<OrderDocument>.IndexKeys;
        await Orders.Indexes.CreateManyAsync(
        [
            new(order.Ascending(d => d.Status).Ascending(d => d.UpdatedAt), new() { Name = "ix_orders_status_updated_at" }),
            new(order.Ascending(d => d.Status).Ascending(d => d.AcceptedAt), new() { Name = "ix_orders_status_accepted_at" }),
            new(order.Ascending(d => d.ConfirmedAt), new() { Name = "ix_orders_confirmed_at" }),
            new(
                order.Ascending(d => d.SettlementPending).Ascending(d => d.UpdatedAt),
                new CreateIndexOptions<OrderDocument>
                {
                    Name = "ix_orders_settlement_pending",
                    PartialFilterExpression = Builders<OrderDocument>.Filter.Eq(d => d.SettlementPending, true),
                }),
            new(
                order.Ascending(d => d.RequestAt),
                new CreateIndexOptions<OrderDocument>
                {
                    Name = "ix_orders_request_at",
                    PartialFilterExpression = Builders<OrderDocument>.Filter.Exists(d => d.RequestAt),
                }),
            // Listings sort on (acceptedAt desc, _id): each filter a listing can have (customer, status, none) has an
            // index of its equality field, then the sort keys, so the sort needs no memory.
            new(order.Ascending(d => d.CustomerId).Descending(d => d.AcceptedAt).Ascending(d => d.Id), new() { Name = "ix_orders_customer_accepted_at_id" }),
            new(order.Ascending(d => d.Status).Descending(d => d.AcceptedAt).Ascending(d => d.Id), new() { Name = "ix_orders_status_accepted_at_id" }),
            new(order.Descending(d => d.AcceptedAt).Ascending(d => d.Id), new() { Name = "ix_orders_accepted_at" }),
            new(
                order.Ascending(d => d.CustomerId).Ascending(d => d.Idempotency!.Key),
                new CreateIndexOptions<OrderDocument>
                {
                    Name = IdempotencyIndexName,
                    Unique = true,
                    PartialFilterExpression = Builders<OrderDocument>.Filter.Exists(d => d.Idempotency!.Key),
                }),
        ], cancellationToken);

        await Products.Indexes.CreateOneAsync(
            new CreateIndexModel<ProductDocument>(
                Builders<ProductDocument>.IndexKeys.Ascending("reservations.orderId"),
                new CreateIndexOptions { Name = "ix_products_reservations_order_id" }),
            cancellationToken: cancellationToken);

        var run = Builders<JobRunDocument>.IndexKeys;
        await JobRuns.Indexes.CreateManyAsync(
        [
            // One document per occurrence; in its order it also serves the newest-first reads of a job's runs.
            new(run.Ascending(d => d.Job).Descending(d => d.FireTime), new() { Name = "ux_job_runs_job_fire_time", Unique = true }),
            // At most one requested run per job, whoever asks at the same time: the check before the insert is not atomic.
            new(
                run.Ascending(d => d.Job),
                new CreateIndexOptions<JobRunDocument>
                {
                    Name = "ux_job_runs_requested",
                    Unique = true,
                    PartialFilterExpression = Builders<JobRunDocument>.Filter.Eq(d => d.Status, JobRunStatus.Requested),
                }),
            // Runs still requested or running, found by the claims and the requested-run poll without reading the history.
            new(run.Ascending(d => d.Status).Ascending(d => d.Job), new() { Name = "ix_job_runs_status_job" }),
        ], cancellationToken);

        var failed = Builders<FailedMessageDocument>.IndexKeys;
        await FailedMessages.Indexes.CreateManyAsync(
        [
            new(failed.Descending(d => d.LastFailedAt).Ascending(d => d.Id), new() { Name = "ix_failed_messages_last_failed_at_id" }),
            new(failed.Ascending(d => d.Status).Ascending(d => d.Fingerprint).Ascending(d => d.LastFailedAt),
                new() { Name = "ix_failed_messages_status_fingerprint" }),
            new(failed.Ascending(d => d.Status).Ascending(d => d.StatusChangedAt), new() { Name = "ix_failed_messages_status_changed_at" }),
        ], cancellationToken);

        Log.MongoStoreInitialized(logger, Database.DatabaseNamespace.DatabaseName);
    }
}
