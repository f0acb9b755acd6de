using System.Diagnostics.Metrics;

using Backend.Domain.Catalog;
using Backend.Domain.Jobs;
using Backend.Domain.Orders;
using Backend.Domain.Payments;
using Backend.Fulfilment.Jobs;
using Backend.Messaging;
using Backend.Store;

using MassTransit;
using MassTransit.Testing;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Backend.Fulfilment.Tests.Infrastructure;

/// <summary>
/// The workers' composition (store, fulfilment, consumers) on MassTransit's test harness and a fresh SQLite file,
/// with the hosts' own endpoint configuration (plain JSON, retry, in-memory outbox) but retries that do not wait. Only the bus is started:
/// Quartz and the catalog seeder stay off, so nothing but the test sends messages.
/// </summary>
public sealed class FulfilmentHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"fulfilment-tests-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider _services;

    private FulfilmentHarness(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? replace)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Store:Provider"] = "Sqlite",
            ["Store:Sqlite:Path"] = _databasePath,
        });
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.AddStore();
        builder.AddFulfilment();
        replace?.Invoke(builder.Services);
        builder.Services.RemoveAll<IHostedService>();
        // The hosts' endpoint configuration, with redeliveries that do not wait.
        builder.Services.AddSingleton(RetrySchedule.Immediate(5));
        builder.Services.AddMassTransitTestHarness(bus =>
        {
            bus.AddFulfilmentConsumers();
            bus.AddConfigureEndpointsCallback(MessagingExtensions.ConfigureEndpoint);
        });
        _services = builder.Services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(Now);

    public ITestHarness Harness => _services.GetRequiredService<ITestHarness>();

    public IServiceProvider Services => _services;

    public IOrderStore Orders => _services.GetRequiredService<IOrderStore>();

    public IProductStore Products => _services.GetRequiredService<IProductStore>();

    public IPaymentLedger Payments => _services.GetRequiredService<IPaymentLedger>();

    /// <summary>This harness's meters: a listener matches their scope, so parallel tests' measurements stay apart.</summary>
    public IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    public static async Task<FulfilmentHarness> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? replace = null)
    {
        var fixture = new FulfilmentHarness(settings ?? new Dictionary<string, string?>(), replace);
        await fixture.Harness.Start();
        return fixture;
    }

    /// <summary>Runs one occurrence of a job as the scheduler would, fired now by the fake clock; returns its summary.</summary>
    public async Task<string> RunJobAsync(string job, JobRunTrigger trigger = JobRunTrigger.Schedule)
    {
        await using var scope = _services.CreateAsyncScope();
        var occurrence = new JobOccurrence(Guid.CreateVersion7(), job, Time.GetUtcNow(), trigger);
        return await scope.ServiceProvider.GetRequiredKeyedService<IRecurringJob>(job).RunAsync(occurrence, TestContext.Current.CancellationToken);
    }

    public async Task SeedProductAsync(
        string sku, decimal unitPrice = 10.00m, int onHand = 100, bool active = true, int reorderPoint = 0)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await Products.UpsertAsync(new ProductDefinition(sku, $"Product {sku}", unitPrice, active, reorderPoint), cancellationToken);
        if (onHand > 0)
        {
            await Products.ReceiveAsync(sku, onHand, $"seed-{sku}", cancellationToken);
        }
    }

    public async Task<Product> ProductAsync(string sku) =>
        await Products.FindAsync(sku, TestContext.Current.CancellationToken) ?? throw new InvalidOperationException($"No product {sku}.");

    public async Task<Order> OrderAsync(Guid id) =>
        await Orders.FindAsync(id, TestContext.Current.CancellationToken) ?? throw new InvalidOperationException($"No order {id}.");

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_databasePath) + "*"))
        {
            File.Delete(file);
        }
    }
}
