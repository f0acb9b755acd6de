using System.CommandLine;
using System.Text.Json;

namespace Backend.Bench;

/// <summary>The command line: one command per part of the benchmark, and <c>run</c> for all of them.</summary>
internal static class BenchCommands
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Run()
    {
        var quick = new Option<bool>("--quick") { Description = "Shorter phases and 100,000 stored orders instead of 1,000,000: a check in a few minutes." };
        var output = new Option<string>("--out") { Description = "Where the JSON results go.", DefaultValueFactory = _ => "bench/results/latest.json" };
        var repository = new Option<string>("--repo") { Description = "The repository root (hosts are run from their Release build there).", DefaultValueFactory = _ => "." };
        var skip = new Option<string[]>("--skip") { Description = "Phases to leave out: broker, bare, standalone, rabbitmq, levers, large.", AllowMultipleArgumentsPerToken = true };
        var keep = new Option<bool>("--keep") { Description = "Keep the run's folder (store files and every server's log) instead of deleting it." };
        var rounds = new Option<int?>("--lever-rounds") { Description = "Times every lever variant is measured, the median reported (default 3; 1 with --quick)." };
        rounds.Validators.Add(option =>
        {
            if (option.GetValueOrDefault<int?>() is < 1 or > 20)
            {
                option.AddError("--lever-rounds must be between 1 and 20.");
            }
        });
        var command = new Command("run", "Runs every phase on this machine and prints the table; writes the JSON results.") { quick, output, repository, skip, keep, rounds };
        command.SetAction((result, cancellationToken) =>
        {
            var defaults = RunSettings.For(result.GetValue(quick));
            var settings = defaults with
            {
                LeverRounds = result.GetValue(rounds) ?? defaults.LeverRounds,
                RepositoryRoot = Path.GetFullPath(result.GetValue(repository)!),
                OutputPath = result.GetValue(output)!,
                Skip = new HashSet<string>(result.GetValue(skip) ?? []),
                Keep = result.GetValue(keep),
            };
            return new BenchRun(settings).RunAsync(cancellationToken);
        });
        return command;
    }

    public static Command Load()
    {
        var url = new Option<string>("--url") { Description = "The API's base address.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var key = new Option<string>("--key") { Description = "A client API key.", DefaultValueFactory = _ => "demo-client-key" };
        var sku = new Option<string>("--sku") { Description = "The SKU every order buys one of.", DefaultValueFactory = _ => "WIDGET-1" };
        var mode = new Option<string>("--mode") { Description = "closed: N clients submit and poll until final; open: orders arrive at --rate; poll304: If-None-Match polls of final orders.", DefaultValueFactory = _ => "closed" };
        var clients = new Option<int>("--clients") { Description = "Concurrent clients (closed, poll304).", DefaultValueFactory = _ => 32 };
        var rate = new Option<double>("--rate") { Description = "Orders per second (open).", DefaultValueFactory = _ => 100 };
        var seconds = new Option<double>("--seconds") { Description = "How long to measure.", DefaultValueFactory = _ => 10 };
        var warmup = new Option<double>("--warmup") { Description = "Seconds run before measuring.", DefaultValueFactory = _ => 3 };
        var poll = new Option<int>("--poll-ms") { Description = "Poll interval in milliseconds.", DefaultValueFactory = _ => 10 };
        var command = new Command("load", "Drives one API with orders (closed or open loop) or 304 polls and prints the figures as JSON.")
        {
            url, key, sku, mode, clients, rate, seconds, warmup, poll,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var generator = new LoadGenerator(new Uri(result.GetValue(url)!), result.GetValue(key)!, result.GetValue(sku)!,
                TimeSpan.FromMilliseconds(result.GetValue(poll)));
            var measure = TimeSpan.FromSeconds(result.GetValue(seconds));
            var warm = TimeSpan.FromSeconds(result.GetValue(warmup));
            object figures = result.GetValue(mode) switch
            {
                "open" => await generator.OpenLoopAsync(result.GetValue(rate), measure, cancellationToken),
                "poll304" => await generator.NotModifiedPollsAsync(result.GetValue(clients), measure, cancellationToken),
                _ => await generator.ClosedLoopAsync(result.GetValue(clients), warm, measure, cancellationToken),
            };
            Console.WriteLine(JsonSerializer.Serialize(figures, Indented));
            return 0;
        });
        return command;
    }

    public static Command Broker()
    {
        var port = new Option<int>("--port") { Description = "AMQP port of a broker on 127.0.0.1 (guest/guest); 0 starts a throw-away node.", DefaultValueFactory = _ => 0 };
        var window = new Option<int>("--window") { Description = "Messages in flight.", DefaultValueFactory = _ => 32 };
        var seconds = new Option<double>("--seconds") { Description = "How long to measure.", DefaultValueFactory = _ => 10 };
        var command = new Command("broker", "Raw RabbitMQ.Client round trips: persistent publish with confirms to one durable queue, consumed and acked.") { port, window, seconds };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var node = result.GetValue(port) == 0 ? await BrokerNode.StartAsync(cancellationToken) : null;
            var figures = await BrokerRoundTrip.RunAsync(node?.Port ?? result.GetValue(port), result.GetValue(window),
                TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(result.GetValue(seconds)), cancellationToken);
            Console.WriteLine(JsonSerializer.Serialize(figures, Indented));
            return 0;
        });
        return command;
    }

    public static Command Seed()
    {
        var database = new Option<string>("--db") { Description = "The SQLite store file (its schema made by a host start, with at least one order to copy).", Required = true };
        var count = new Option<int>("--count") { Description = "Orders to add.", DefaultValueFactory = _ => 1_000_000 };
        var command = new Command("seed", "Adds stored orders in bulk, copies of the newest stored order with new ids and acceptance times.") { database, count };
        command.SetAction(async (result, cancellationToken) =>
        {
            var elapsed = await OrderSeeder.SeedAsync(result.GetValue(database)!, result.GetValue(count), cancellationToken);
            Console.WriteLine($"{result.GetValue(count)} orders in {elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return command;
    }

    public static Command Pages()
    {
        var url = new Option<string>("--url") { Description = "The API's base address.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var key = new Option<string>("--key") { Description = "An operator API key.", DefaultValueFactory = _ => "demo-operator-key" };
        var query = new Option<string>("--query") { Description = "Listing query string of the first page.", DefaultValueFactory = _ => "pageSize=100" };
        var command = new Command("pages", "Walks a listing page by page along its next links and prints the slowest pages.") { url, key, query };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var walker = new ListingWalker(new Uri(result.GetValue(url)!), result.GetValue(key)!);
            var figures = await walker.WalkAsync(result.GetValue(query)!, cancellationToken);
            Console.WriteLine(JsonSerializer.Serialize(figures, Indented));
            return 0;
        });
        return command;
    }
}
