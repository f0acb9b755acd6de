using Backend.Domain.Catalog;
using Backend.Domain.FailedMessages;
using Backend.Domain.Jobs;
using Backend.Domain.Orders;
using Backend.Domain.Payments;
using Backend.Domain.Reports;
using Backend.Store.Mongo;
using Backend.Store.Sqlite;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Backend.Store;

public static class StoreExtensions
{
    /// <summary>
    /// Registers <see cref="IOrderStore"/>, <see cref="IProductStore"/>, <see cref="IPaymentLedger"/>,
    /// <see cref="IJobStore"/>, <see cref="IReportStore"/> and <see cref="IFailedMessageStore"/> on the adapter named by
    /// <c>Store:Provider</c> (<c>Sqlite</c>, the default, or <c>Mongo</c>), the schema initializer and the
    /// <c>store</c> readiness check.
    /// </summary>
    public static IHostApplicationBuilder AddStore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StoreOptions>()
            .BindConfiguration(StoreOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(options => options.UsesSqlite || options.UsesMongo, "Store:Provider must be 'Sqlite' or 'Mongo'.")
            .ValidateOnStart();
        services.AddOptions<SqliteStoreOptions>()
            .BindConfiguration(SqliteStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<MongoStoreOptions>()
            .BindConfiguration(MongoStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Stamps settlements, receipts and upgrades; a host or test that brought its own clock keeps it.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<SqliteOrderStore>();
        services.AddSingleton<SqliteProductStore>();
        services.AddSingleton<SqlitePaymentLedger>();
        services.AddSingleton<SqliteJobStore>();
        services.AddSingleton<SqliteReportStore>();
        services.AddSingleton<SqliteFailedMessageStore>();
        services.AddSingleton<MongoStoreContext>();
        services.AddSingleton<MongoStock>();
        services.AddSingleton<MongoOrderStore>();
        services.AddSingleton<MongoProductStore>();
        services.AddSingleton<MongoPaymentLedger>();
        services.AddSingleton<MongoJobStore>();
        services.AddSingleton<MongoReportStore>();
        services.AddSingleton<MongoFailedMessageStore>();

        services.AddSingleton<IOrderStore>(Selected<IOrderStore, SqliteOrderStore, MongoOrderStore>);
        services.AddSingleton<IProductStore>(Selected<IProductStore, SqliteProductStore, MongoProductStore>);
        services.AddSingleton<IPaymentLedger>(Selected<IPaymentLedger, SqlitePaymentLedger, MongoPaymentLedger>);
        services.AddSingleton<IJobStore>(Selected<IJobStore, SqliteJobStore, MongoJobStore>);
        services.AddSingleton<IReportStore>(Selected<IReportStore, SqliteReportStore, MongoReportStore>);
        services.AddSingleton<IFailedMessageStore>(Selected<IFailedMessageStore, SqliteFailedMessageStore, MongoFailedMessageStore>);
        services.AddSingleton<IStoreInitializer>(Selected<IStoreInitializer, SqliteDatabase, MongoStoreContext>);

        services.AddHostedService<StoreInitializerService>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>(StoreHealthCheck.Name, tags: ["ready"]);
        return builder;
    }

    // Resolved, not registered conditionally, so the unused adapter is never constructed and never connects.
    private static TService Selected<TService, TSqlite, TMongo>(IServiceProvider services)
        where TSqlite : TService
        where TMongo : TService
        where TService : notnull =>
        services.GetRequiredService<IOptions<StoreOptions>>().Value.UsesMongo
            ? services.GetRequiredService<TMongo>()
            : services.GetRequiredService<TSqlite>();
}
