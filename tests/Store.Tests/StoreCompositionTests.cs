using System.Diagnostics;

using Backend.Domain.Catalog;
using Backend.Domain.Jobs;
using Backend.Domain.Orders;
using Backend.Domain.Reports;
using Backend.Store.Mongo;
using Backend.Store.Sqlite;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Backend.Store.Tests;

public sealed class StoreCompositionTests : IDisposable
{
    private readonly string contentRoot = Path.Combine(Path.GetTempPath(), "backend-store-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_fails_when_the_provider_is_unknown()
    {
        using var host = Build(("Store:Provider", "Postgres"));

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync(Cancellation));

        error.Message.ShouldContain("Store:Provider");
    }

    [Fact]
    public async Task Sqlite_file_is_created_under_the_content_root_when_no_solution_folder_is_above_it()
    {
        using var host = Build();
        await host.StartAsync(Cancellation);

        File.Exists(Path.Combine(contentRoot, "data", "backend.db")).ShouldBeTrue();
        host.Services.GetRequiredService<IOrderStore>().ShouldBeOfType<SqliteOrderStore>();
        host.Services.GetRequiredService<IJobStore>().ShouldBeOfType<SqliteJobStore>();
        host.Services.GetRequiredService<IReportStore>().ShouldBeOfType<SqliteReportStore>();
        await host.StopAsync(Cancellation);
    }

    [Fact]
    public async Task Hosts_in_different_projects_of_one_repository_share_one_sqlite_file_when_the_path_is_relative()
    {
        // Laid out like the repository: each host's content root is its project folder under dotnet run.
        MakeSolutionFolder();
        using var ingress = Build(Path.Combine(contentRoot, "src", "Ingress"), ("Store:Sqlite:Path", "data/backend.db"));
        using var workers = Build(Path.Combine(contentRoot, "src", "Workers"), ("Store:Sqlite:Path", "data/backend.db"));

        await workers.Services.GetRequiredService<IProductStore>()
            .UpsertAsync(new ProductDefinition("SKU-1", "Mug", 5m, true, 0), Cancellation);

        (await ingress.Services.GetRequiredService<IProductStore>().FindAsync("SKU-1", Cancellation)).ShouldNotBeNull();
        ingress.Services.GetRequiredService<SqliteDatabase>().FilePath.ShouldBe(Path.Combine(contentRoot, "data", "backend.db"));
        workers.Services.GetRequiredService<SqliteDatabase>().FilePath.ShouldBe(Path.Combine(contentRoot, "data", "backend.db"));
    }

    [Fact]
    public void Sqlite_path_kept_as_given_when_it_is_absolute()
    {
        MakeSolutionFolder();
        var elsewhere = Path.Combine(Path.GetTempPath(), "backend-store-tests", "elsewhere.db");
        using var host = Build(Path.Combine(contentRoot, "src", "Workers"), ("Store:Sqlite:Path", elsewhere));

        host.Services.GetRequiredService<SqliteDatabase>().FilePath.ShouldBe(elsewhere);
    }

    [Theory]
    [InlineData("Full", 2L)]
    [InlineData("Normal", 1L)]
    public async Task Every_connection_syncs_and_waits_as_configured_including_reused_ones(string synchronous, long level)
    {
        using var host = Build(("Store:Sqlite:Synchronous", synchronous), ("Store:Sqlite:BusyTimeoutMilliseconds", "1234"));
        var database = host.Services.GetRequiredService<SqliteDatabase>();
        await database.InitializeAsync(Cancellation);

        // Four at once need four connections of the pool; the rounds after reuse them.
        for (var round = 0; round < 3; round++)
        {
            var open = new TaskCompletionSource();
            var holding = 0;
            var reads = Enumerable.Range(0, 4).Select(_ => database.UseConnectionAsync("settings", async connection =>
            {
                if (Interlocked.Increment(ref holding) == 4)
                {
                    open.SetResult();
                }

                await open.Task.WaitAsync(Cancellation);
                return (Synchronous: Convert.ToInt64(await connection.ScalarAsync("PRAGMA synchronous", Cancellation)),
                    BusyTimeout: Convert.ToInt64(await connection.ScalarAsync("PRAGMA busy_timeout", Cancellation)));
            }, Cancellation));

            foreach (var settings in await Task.WhenAll(reads))
            {
                settings.ShouldBe((level, 1234L));
            }
        }
    }

    [Fact]
    public async Task Store_works_when_used_before_the_host_starts()
    {
        using var host = Build();
        var products = host.Services.GetRequiredService<IProductStore>();

        await products.UpsertAsync(new ProductDefinition("SKU-1", "Mug", 5m, true, 0), Cancellation);

        (await products.FindAsync("SKU-1", Cancellation)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Readiness_check_named_store_is_healthy_when_the_store_answers()
    {
        using var host = Build();
        await host.StartAsync(Cancellation);

        var report = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(registration => registration.Tags.Contains("ready"), Cancellation);

        report.Entries.Keys.ShouldBe(["store"]);
        report.Status.ShouldBe(HealthStatus.Healthy);
        await host.StopAsync(Cancellation);
    }

    [Fact]
    public void Mongo_stores_are_selected_when_the_provider_is_mongo()
    {
        using var host = Build(("Store:Provider", "mongo"));

        host.Services.GetRequiredService<IOrderStore>().ShouldBeOfType<MongoOrderStore>();
        host.Services.GetRequiredService<IProductStore>().ShouldBeOfType<MongoProductStore>();
        host.Services.GetRequiredService<IJobStore>().ShouldBeOfType<MongoJobStore>();
        host.Services.GetRequiredService<IReportStore>().ShouldBeOfType<MongoReportStore>();
    }

    [Fact]
    public async Task Store_calls_are_traced_as_client_activities_with_db_tags()
    {
        var stopped = new List<Activity>();
        using var testSource = new ActivitySource("Backend.Store.Tests");
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is StoreTelemetry.ActivitySourceName or "Backend.Store.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (stopped)
                {
                    stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var host = Build();

        // Other tests run in parallel and are traced too: only this test's children count.
        using (var parent = testSource.StartActivity("test")!)
        {
            await host.Services.GetRequiredService<IProductStore>().ReceiveAsync("SKU-1", 1, "receipt-1", Cancellation);
            lock (stopped)
            {
                var call = stopped.Where(activity => activity.ParentSpanId == parent.SpanId).ShouldHaveSingleItem();
                call.Kind.ShouldBe(ActivityKind.Client);
                call.GetTagItem("db.system").ShouldBe("sqlite");
                call.GetTagItem("db.operation").ShouldBe("receive_stock");
            }
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(contentRoot))
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    private void MakeSolutionFolder()
    {
        Directory.CreateDirectory(contentRoot);
        File.WriteAllText(Path.Combine(contentRoot, "Backend.sln"), "");
    }

    private IHost Build(params (string Key, string? Value)[] settings) => Build(contentRoot, settings);

    private static IHost Build(string root, params (string Key, string? Value)[] settings)
    {
        Directory.CreateDirectory(root);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = root });
        builder.Configuration.AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, setting.Value)));
        builder.AddStore();
        return builder.Build();
    }
}
