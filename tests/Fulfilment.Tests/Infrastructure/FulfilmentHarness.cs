using Backend.Domain.Catalog;
using Backend.Domain.Orders;
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
/// with the product's endpoint retry and in-memory outbox but without their delays. Only the bus is started:
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
        builder.Services.AddMassTransitTestHarness(bus =>
        {
            bus.AddFulfilmentConsumers();
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                endpoint.UseMessageSizeLimit(new MessagingOptions().MaxMessageBytes);
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Immediate(5);
                    retry.Ignore<InvalidMessageException>();
                });
                endpoint.UseInMemoryOutbox(context);
            });
        });
        _services = builder.Services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(Now);

    public ITestHarness Harness => _services.GetRequiredService<ITestHarness>();

    public IServiceProvider Services => _services;

    public IOrderStore Orders => _services.GetRequiredService<IOrderStore>();

    public IProductStore Products => _services.GetRequiredService<IProductStore>();

    public static async Task<FulfilmentHarness> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? replace = null)
    {
        var fixture = new FulfilmentHarness(settings ?? new Dictionary<string, string?>(), replace);
        await fixture.Harness.Start();
        return fixture;
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
