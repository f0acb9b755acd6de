using Backend.Domain.Catalog;
using Backend.Domain.FailedMessages;
using Backend.Domain.Jobs;
using Backend.Domain.Orders;
using Backend.Domain.Payments;
using Backend.Domain.Reports;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Backend.Store.Tests;

/// <summary>
/// The behaviour every store adapter owes the domain. Each test gets a store of its own (a fresh file or database)
/// started through <see cref="StoreExtensions.AddStore"/>, as the hosts start it.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private readonly List<IHost> hosts = [];
    private IReadOnlyDictionary<string, string?> settings = new Dictionary<string, string?>();

    protected IOrderStore Orders { get; private set; } = null!;

    protected IProductStore Products { get; private set; } = null!;

    protected IPaymentLedger Payments { get; private set; } = null!;

    protected IJobStore Jobs { get; private set; } = null!;

    protected IReportStore Reports { get; private set; } = null!;

    /// <summary>The clock every host of the test stamps settlements and receipts with.</summary>
    protected FakeTimeProvider Clock { get; } = new(TestOrders.T0);
    protected IFailedMessageStore FailedMessages { get; private set; } = null!;

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Configuration for a fresh, empty store; called once per test.</summary>
    protected abstract ValueTask<IReadOnlyDictionary<string, string?>> CreateSettingsAsync();

    protected virtual ValueTask DeleteStoreAsync() => ValueTask.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        settings = await CreateSettingsAsync();
        var host = await StartHostAsync();
        Orders = host.Services.GetRequiredService<IOrderStore>();
        Products = host.Services.GetRequiredService<IProductStore>();
        Payments = host.Services.GetRequiredService<IPaymentLedger>();
        Jobs = host.Services.GetRequiredService<IJobStore>();
        Reports = host.Services.GetRequiredService<IReportStore>();
        FailedMessages = host.Services.GetRequiredService<IFailedMessageStore>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }

        await DeleteStoreAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Another host over the same store (or the one <paramref name="other"/> names), standing in for a second process.</summary>
    protected async Task<IHost> StartHostAsync(IReadOnlyDictionary<string, string?>? other = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(other ?? settings);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.AddStore();
        var host = builder.Build();
        hosts.Add(host);
        await host.StartAsync(Cancellation);
        return host;
    }

    protected async Task<Product> ProductAsync(string sku) =>
        await Products.FindAsync(sku, Cancellation) ?? throw new InvalidOperationException($"{sku} is missing.");

    protected async Task StockAsync(string sku, int onHand, int reorderPoint = 0, decimal unitPrice = 19.99m)
    {
        await Products.UpsertAsync(new ProductDefinition(sku, $"Product {sku}", unitPrice, true, reorderPoint), Cancellation);
        if (onHand > 0)
        {
            (await Products.ReceiveAsync(sku, onHand, $"initial-{sku}", Cancellation)).ShouldBe(ReceiptOutcome.Counted);
        }
    }
}
