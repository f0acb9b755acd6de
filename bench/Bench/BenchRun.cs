using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Backend.Bench;

/// <summary>
/// <c>bench/run</c>: every phase in one run on one machine, so each target is a ratio of figures measured side by
/// side. Servers run from their Release builds as separate processes over a RabbitMQ node of the run's own.
/// </summary>
internal sealed class BenchRun(RunSettings settings)
{
    public const string ClientKey = "bench-client-key-0123456789abcdef0123";
    public const string OperatorKey = "bench-operator-key-0123456789abcdef01";
    private const string Sku = "BENCH-1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("backend-bench-");
    private BrokerNode? broker;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var results = new BenchResults
        {
            StartedAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            Mode = settings.Quick ? "quick" : "full",
            Machine = new MachineFigures(Environment.ProcessorCount, File.ReadAllText("/proc/loadavg").Trim()),
            Settings = new
            {
                settings.Clients,
                PollMs = settings.PollInterval.TotalMilliseconds,
                WarmupSeconds = settings.Warmup.TotalSeconds,
                MeasureSeconds = settings.Measure.TotalSeconds,
                settings.BrokerWindow,
                settings.StoredOrders,
                settings.OpenLoopShare,
            },
        };
        Console.WriteLine($"bench: {results.Mode} run, logs and data in {work.FullName}{(settings.Keep ? "" : " (deleted at the end; --keep keeps them)")}");
        try
        {
            if (!Skipped("broker") || !Skipped("rabbitmq") || !Skipped("levers"))
            {
                Progress("starting a RabbitMQ node of the run's own");
                broker = await BrokerNode.StartAsync(cancellationToken);
            }

            if (!Skipped("broker"))
            {
                Progress($"raw broker round trips, window {settings.BrokerWindow}");
                results.Broker = await BrokerRoundTrip.RunAsync(broker!.Port, settings.BrokerWindow, TimeSpan.FromSeconds(1), settings.Measure, cancellationToken);
            }

            if (!Skipped("bare"))
            {
                results.Bare = await MeasureSetupAsync("bare", env => StartBareAsync(cancellationToken), withLatency: false, cancellationToken);
            }

            if (!Skipped("standalone"))
            {
                results.Standalone = await MeasureSetupAsync("standalone", env => StartStandaloneAsync("standalone", env, cancellationToken), withLatency: true, cancellationToken);
            }

            if (!Skipped("rabbitmq"))
            {
                results.RabbitMq = await MeasureSetupAsync("rabbitmq", env => StartRabbitMqAsync("rabbitmq", env, cancellationToken), withLatency: true, cancellationToken);
            }

            if (!Skipped("levers"))
            {
                await MeasureLeversAsync(results, cancellationToken);
            }

            if (!Skipped("large"))
            {
                results.Large = await MeasureLargeStoreAsync(cancellationToken);
            }
        }
        finally
        {
            if (broker is not null)
            {
                await broker.DisposeAsync();
            }

            if (!settings.Keep)
            {
                // A million orders make a store file of about 1.6 GB.
                work.Delete(recursive: true);
            }
        }

        results.Targets = Targets.Evaluate(results);
        var output = Path.GetFullPath(settings.OutputPath, settings.RepositoryRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, Json), cancellationToken);
        var table = Report.Markdown(results);
        await File.WriteAllTextAsync(Path.ChangeExtension(output, ".md"), table, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(table);
        Console.WriteLine($"bench: results in {output}");
        return 0;
    }

    private async Task<SetupFigures> MeasureSetupAsync(
        string name, Func<IReadOnlyDictionary<string, string>, Task<List<HostProcess>>> start, bool withLatency, CancellationToken cancellationToken)
    {
        var figures = new SetupFigures { Name = name };
        var hosts = await start(new Dictionary<string, string>());
        try
        {
            using var load = Generator(hosts[0]);
            Progress($"{name}: closed loop, {settings.Clients} clients");
            var (closed, cpu) = await ClosedLoopWithCpuAsync(load, hosts, cancellationToken);
            figures.Closed = closed;
            if (withLatency && closed.OrdersPerSecond > 0)
            {
                var rate = Math.Round(closed.OrdersPerSecond * settings.OpenLoopShare, 1);
                Progress($"{name}: open loop at {rate} orders/s");
                figures.Open = await load.OpenLoopAsync(rate, settings.Measure, cancellationToken);
                using (CpuHog.Start())
                {
                    Progress($"{name}: closed loop with one core kept busy");
                    figures.ClosedBusy = await load.ClosedLoopAsync(settings.Clients, settings.Warmup, settings.Measure, cancellationToken);
                    var busyRate = Math.Round(figures.ClosedBusy.OrdersPerSecond * settings.OpenLoopShare, 1);
                    Progress($"{name}: open loop at {busyRate} orders/s with one core kept busy");
                    figures.OpenBusy = busyRate > 0 ? await load.OpenLoopAsync(busyRate, settings.Measure, cancellationToken) : null;
                }
            }

            Progress($"{name}: 304 polls, {settings.Clients} clients");
            figures.NotModified = await load.NotModifiedPollsAsync(settings.Clients, settings.Measure, cancellationToken);
            figures.Processes = [.. hosts.Select((host, index) => new ProcessFigures(
                host.Name, closed.Orders == 0 ? double.NaN : Math.Round(cpu[index] * 1000 / closed.Orders, 3), host.PeakRssMegabytes()))];
            Progress($"{name}: {closed.OrdersPerSecond:F0} orders/s, {figures.CpuMsPerOrder} ms CPU per order");
        }
        finally
        {
            await StopAsync(hosts);
        }

        return figures;
    }

    /// <summary>
    /// Every variant once per round, rounds one after the other, so a machine that drifts during the run (this one's
    /// neighbours do) moves every variant alike; each variant is reported by its median round.
    /// </summary>
    private async Task MeasureLeversAsync(BenchResults results, CancellationToken cancellationToken)
    {
        var variants = Levers.Standalone.Select(lever => (Setup: "standalone", lever.Variant, lever.Settings))
            .Concat(Levers.RabbitMq.Select(lever => (Setup: "rabbitmq", lever.Variant, lever.Settings)))
            .ToList();
        var rounds = variants.ToDictionary(variant => (variant.Setup, variant.Variant), _ => new List<LeverRound>());
        for (var round = 1; round <= settings.LeverRounds; round++)
        {
            foreach (var (setup, variant, values) in variants)
            {
                // A store file of its own per round: every round starts from an empty store, as the first did.
                var name = $"lever-{setup}-{variant}-{round}";
                var hosts = setup == "standalone"
                    ? await StartStandaloneAsync(name, values, cancellationToken)
                    : await StartRabbitMqAsync(name, values, cancellationToken);
                try
                {
                    using var load = Generator(hosts[0]);
                    Progress($"levers: {setup} {variant}, round {round} of {settings.LeverRounds}");
                    var (closed, cpu) = await ClosedLoopWithCpuAsync(load, hosts, cancellationToken);
                    rounds[(setup, variant)].Add(new LeverRound(closed, closed.Orders == 0 ? double.NaN : Math.Round(cpu.Sum() * 1000 / closed.Orders, 3)));
                }
                finally
                {
                    await StopAsync(hosts);
                }
            }
        }

        foreach (var (setup, variant, values) in variants)
        {
            var measured = rounds[(setup, variant)];
            var median = measured.OrderBy(run => run.Closed.OrdersPerSecond).ElementAt((measured.Count - 1) / 2);
            results.Levers.Add(new LeverFigures(setup, variant, Levers.Describe(values), median.Closed, median.CpuMsPerOrder,
                [.. measured.Select(run => run.Closed.OrdersPerSecond)]));
        }
    }

    private async Task<LargeStoreFigures> MeasureLargeStoreAsync(CancellationToken cancellationToken)
    {
        const string name = "large";
        var hosts = await StartStandaloneAsync(name, new Dictionary<string, string>(), cancellationToken);
        try
        {
            using var load = Generator(hosts[0]);
            Progress($"{name}: a few orders to copy");
            await load.ClosedLoopAsync(settings.Clients, TimeSpan.Zero, TimeSpan.FromSeconds(2), cancellationToken);
        }
        finally
        {
            await StopAsync(hosts);
        }

        Progress($"{name}: storing {settings.StoredOrders:N0} orders");
        var seed = await OrderSeeder.SeedAsync(DatabasePath(name), settings.StoredOrders, cancellationToken);
        Progress($"{name}: stored in {seed.TotalSeconds:F1} s");
        hosts = await StartStandaloneAsync(name, new Dictionary<string, string>(), cancellationToken);
        try
        {
            using var load = Generator(hosts[0]);
            Progress($"{name}: closed loop over {settings.StoredOrders:N0} stored orders");
            var closed = await load.ClosedLoopAsync(settings.Clients, settings.Warmup, settings.Measure, cancellationToken);
            using var walker = new ListingWalker(hosts[0].BaseAddress, OperatorKey);
            Progress($"{name}: walking every listing page");
            var listing = await walker.WalkAsync("pageSize=100", cancellationToken);
            var statusListing = settings.Quick ? null : await walker.WalkAsync("status=Confirmed&pageSize=100", cancellationToken);
            var lastPage = (int)Math.Ceiling(listing.Items / 100.0);
            Progress($"{name}: the last page by number ({lastPage})");
            var offset = await walker.TimeAsync($"/api/orders?page={lastPage.ToString(CultureInfo.InvariantCulture)}&pageSize=100", cancellationToken);
            return new LargeStoreFigures(settings.StoredOrders, Math.Round(seed.TotalSeconds, 1), closed, listing, statusListing,
                Math.Round(offset, 1), hosts[0].PeakRssMegabytes());
        }
        finally
        {
            await StopAsync(hosts);
        }
    }

    private async Task<(ClosedLoopFigures Figures, double[] CpuSeconds)> ClosedLoopWithCpuAsync(
        LoadGenerator load, List<HostProcess> hosts, CancellationToken cancellationToken)
    {
        await load.ClosedLoopAsync(settings.Clients, TimeSpan.Zero, settings.Warmup, cancellationToken);
        var before = hosts.Select(host => host.CpuSeconds()).ToArray();
        var closed = await load.ClosedLoopAsync(settings.Clients, TimeSpan.Zero, settings.Measure, cancellationToken);
        var cpu = hosts.Select((host, index) => host.CpuSeconds() - before[index]).ToArray();
        return (closed, cpu);
    }

    private LoadGenerator Generator(HostProcess api) => new(api.BaseAddress, ClientKey, Sku, settings.PollInterval);

    private async Task<List<HostProcess>> StartBareAsync(CancellationToken cancellationToken)
    {
        Progress("bare: starting the bare endpoint");
        var environment = new Dictionary<string, string> { ["Bare__ApiKey"] = ClientKey };
        return [await HostProcess.StartAsync("bare", Assembly("bench/BareServer", "BareServer"), LogPath("bare"), environment, cancellationToken)];
    }

    private async Task<List<HostProcess>> StartStandaloneAsync(string name, IReadOnlyDictionary<string, string> extra, CancellationToken cancellationToken)
    {
        Progress($"{name}: starting Standalone");
        var environment = HostEnvironment(name, extra);
        environment["Messaging__Transport"] = "InMemory";
        return [await HostProcess.StartAsync("standalone", Assembly("src/Standalone", "Standalone"), LogPath(name), environment, cancellationToken)];
    }

    private async Task<List<HostProcess>> StartRabbitMqAsync(string name, IReadOnlyDictionary<string, string> extra, CancellationToken cancellationToken)
    {
        Progress($"{name}: starting two workers and the ingress over RabbitMQ");
        var environment = HostEnvironment(name, extra);
        environment["Messaging__Transport"] = "RabbitMq";
        environment["RabbitMq__Host"] = "127.0.0.1";
        environment["RabbitMq__Port"] = broker!.Port.ToString(CultureInfo.InvariantCulture);
        var hosts = new List<HostProcess>();
        try
        {
            // Workers first, one after the other: a workers host is ready once its queues exist, and two first
            // starts would race to create the schema.
            foreach (var number in new[] { 1, 2 })
            {
                hosts.Add(await HostProcess.StartAsync($"workers-{number}", Assembly("src/Workers", "Workers"), LogPath($"{name}-workers-{number}"), environment, cancellationToken));
            }

            hosts.Insert(0, await HostProcess.StartAsync("ingress", Assembly("src/Ingress", "Ingress"), LogPath($"{name}-ingress"), environment, cancellationToken));
            return hosts;
        }
        catch
        {
            await StopAsync(hosts);
            throw;
        }
    }

    private Dictionary<string, string> HostEnvironment(string name, IReadOnlyDictionary<string, string> extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Store__Provider"] = "Sqlite",
            ["Store__Sqlite__Path"] = DatabasePath(name),
            ["Auth__ApiKeys__0__KeyHash"] = Hash(ClientKey),
            ["Auth__ApiKeys__0__CustomerId"] = "bench-customer",
            ["Auth__ApiKeys__0__Role"] = "Client",
            ["Auth__ApiKeys__1__KeyHash"] = Hash(OperatorKey),
            ["Auth__ApiKeys__1__Role"] = "Operator",
            // One key drives the whole load: the per-key limits would cap it far below what is measured. The limiter
            // still runs, so its cost is in the figures.
            ["RateLimits__ClientPermitLimit"] = "1000000",
            ["RateLimits__OperatorPermitLimit"] = "1000000",
            ["RateLimits__AnonymousPermitLimit"] = "1000000",
            ["Catalog__Seed__0__Sku"] = Sku,
            ["Catalog__Seed__0__Name"] = "Benchmark item",
            ["Catalog__Seed__0__UnitPrice"] = "1.00",
            ["Catalog__Seed__0__OnHand"] = "1000000000",
            ["Catalog__Seed__0__ReorderPoint"] = "0",
        };
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return environment;
    }

    private string DatabasePath(string name) => Path.Combine(work.FullName, $"{name}.db");

    private string LogPath(string name) => Path.Combine(work.FullName, $"{name}.log");

    private string Assembly(string project, string name)
    {
        var path = Path.Combine(settings.RepositoryRoot, project, "bin", "Release", "net10.0", $"Backend.{name}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build Release first (bench/run does): {path} is missing.");
    }

    private static async Task StopAsync(List<HostProcess> hosts)
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
    }

    private bool Skipped(string phase) => settings.Skip.Contains(phase);

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static void Progress(string message) =>
        Console.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss} {message}");
}
