using Backend.Domain.Payments;
using Backend.Fulfilment.Catalog;
using Backend.Fulfilment.Jobs;
using Backend.Fulfilment.Orders;
using Backend.Fulfilment.Payments;
using Backend.Fulfilment.Pricing;
using Backend.Fulfilment.Shipping;

using MassTransit;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Backend.Fulfilment;

public static class FulfilmentExtensions
{
    /// <summary>The business rules of the workers: processing steps, payments, stock levels and recurring jobs.</summary>
    public static IHostApplicationBuilder AddFulfilment(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        AddValidatedOptions<PricingOptions>(services, PricingOptions.SectionName);
        AddValidatedOptions<PaymentOptions>(services, PaymentOptions.SectionName);
        AddValidatedOptions<JobsOptions>(services, JobsOptions.SectionName);
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();
        AddValidatedOptions<RetentionOptions>(services, RetentionOptions.SectionName);
        AddValidatedOptions<OrderRetentionOptions>(services, OrderRetentionOptions.SectionName);
        AddValidatedOptions<CatalogSeedOptions>(services, CatalogSeedOptions.SectionName);
        AddValidatedOptions<FaultOptions>(services, FaultOptions.SectionName);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<PricingOptions>>().Value.ToPolicy());
        services.AddSingleton<IPaymentGateway, SimulatedPaymentGateway>();
        services.AddSingleton<OrderMetrics>();
        services.AddSingleton<FaultHooks>();
        services.AddSingleton<RedriveLedger>();
        services.AddSingleton<JobMetrics>();
        services.AddSingleton<JobRunner>();
        services.AddScoped<StockLevels>();
        services.AddScoped<OrderWorkflow>();
        services.AddScoped<OrderCommandHandler>();
        services.AddHostedService<CatalogSeeder>();

        services.AddKeyedScoped<IRecurringJob, OrderRedriveJob>(JobNames.OrderRedrive);
        services.AddKeyedScoped<IRecurringJob, OrderExpiryJob>(JobNames.OrderExpiry);
        services.AddKeyedScoped<IRecurringJob, OrderSettlementJob>(JobNames.OrderSettlement);
        services.AddKeyedScoped<IRecurringJob, LowStockScanJob>(JobNames.LowStockScan);
        services.AddKeyedScoped<IRecurringJob, DailySalesReportJob>(JobNames.DailySalesReport);
        services.AddKeyedScoped<IRecurringJob, DataRetentionJob>(JobNames.DataRetention);
        services.AddHostedService<JobScheduler>();
        return builder;
    }

    /// <summary>Registers the workers' consumers; pass it to <c>AddMessaging</c>.</summary>
    public static void AddFulfilmentConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<SubmitOrderConsumer, SubmitOrderConsumerDefinition>();
        bus.AddConsumer<CancelOrderConsumer, CancelOrderConsumerDefinition>();
        bus.AddConsumer<ExpireOrderConsumer, ExpireOrderConsumerDefinition>();
        bus.AddConsumer<ShipmentDispatchedConsumer, ShipmentDispatchedConsumerDefinition>();
        bus.AddConsumer<UpsertProductConsumer, UpsertProductConsumerDefinition>();
        bus.AddConsumer<StockReplenishedConsumer, StockReplenishedConsumerDefinition>();
    }

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
