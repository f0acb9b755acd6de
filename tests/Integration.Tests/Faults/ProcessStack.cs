using System.Globalization;
using System.Text;

using Backend.Integration.Tests.Infrastructure;

namespace Backend.Integration.Tests.Faults;

/// <summary>
/// The production shape as separate processes: one ingress and several workers, each <c>dotnet</c> running the
/// host's built assembly, over a <see cref="KillableBroker"/>, sharing one SQLite file in a temp directory that
/// also holds every process's log. Disposing kills every process; the directory stays when a test failed, so
/// the logs can be read whole.
/// </summary>
public sealed class ProcessStack : IAsyncDisposable
{
    private readonly DirectoryInfo directory;
    private bool keepDirectory;

    private ProcessStack(DirectoryInfo directory, string databasePath, HostProcess ingress, IReadOnlyList<HostProcess> workers)
    {
        this.directory = directory;
        DatabasePath = databasePath;
        Ingress = ingress;
        Workers = workers;
    }

    public string DatabasePath { get; }

    public HostProcess Ingress { get; }

    public IReadOnlyList<HostProcess> Workers { get; }

    /// <summary>
    /// Starts the processes: <paramref name="seed"/> is what the workers create on start, with its opening stock
    /// (booked once per SKU however often they start); <paramref name="settings"/> are further host settings, as
    /// configuration keys (<c>Jobs:RedriveAfter</c>); <paramref name="firstWorkerStart"/> are environment
    /// variables of the workers' first start alone (a fault hook), which a restart goes without. With
    /// <paramref name="startWorkers"/> false the test starts each worker itself, with settings of its own.
    /// </summary>
    public static async Task<ProcessStack> StartAsync(
        KillableBroker broker,
        int workerCount,
        IReadOnlyList<SeedStock> seed,
        IReadOnlyDictionary<string, string>? settings = null,
        IReadOnlyDictionary<string, string>? firstWorkerStart = null,
        bool startWorkers = true)
    {
        broker.SkipIfUnavailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var directory = Directory.CreateTempSubdirectory("backend-faults-");
        var databasePath = Path.Combine(directory.FullName, "backend.db");

        var environment = new Dictionary<string, string>(broker.HostEnvironment())
        {
            // Production, not Development: no demo keys, the settings a deployment would have.
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Store__Provider"] = "Sqlite",
            ["Store__Sqlite__Path"] = databasePath,
            // Re-drive within the test, not after the production default's 2 minutes. Re-drive must wait out the
            // in-process retries (the workers refuse to start otherwise): 3 retries end within 17.6 s.
            ["Jobs__OrderRedrive__Cron"] = "0/2 * * * * ?",
            ["Messaging__RetryLimit"] = "3",
            ["Jobs__RedriveAfter"] = "00:00:20",
            ["Orders__PublishTimeoutSeconds"] = "2",
            // The intake of failed messages is off unless a test asks for it (FailedMessages:Ingest): with it on, a
            // worker killed mid-round was seen to hold more unacknowledged orders than the settlement test allows.
            ["FailedMessages__Ingest"] = "false",
        };
        foreach (var (key, value) in TestKeys.Settings())
        {
            environment[EnvironmentName(key)] = value!;
        }

        for (var index = 0; index < seed.Count; index++)
        {
            var prefix = $"Catalog__Seed__{index.ToString(CultureInfo.InvariantCulture)}__";
            environment[prefix + "Sku"] = seed[index].Sku;
            environment[prefix + "Name"] = $"Fault test {seed[index].Sku}";
            environment[prefix + "UnitPrice"] = seed[index].UnitPrice.ToString(CultureInfo.InvariantCulture);
            environment[prefix + "OnHand"] = seed[index].OnHand.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[EnvironmentName(key)] = value;
        }

        var workers = Enumerable.Range(1, workerCount)
            .Select(number => new HostProcess($"workers-{number}", HostAssembly("Workers"), Path.Combine(directory.FullName, $"workers-{number}.log"), environment))
            .ToList();
        var ingress = new HostProcess("ingress", HostAssembly("Ingress"), Path.Combine(directory.FullName, "ingress.log"), environment);
        var stack = new ProcessStack(directory, databasePath, ingress, workers);
        try
        {
            // Workers first: a workers host is ready once its queues and bindings exist, so nothing the ingress
            // publishes can miss them. They start one after another, as two first starts race to create the schema.
            foreach (var worker in startWorkers ? workers : [])
            {
                await worker.StartAsync(cancellationToken, firstWorkerStart);
            }

            await ingress.StartAsync(cancellationToken);
        }
        catch
        {
            stack.keepDirectory = true;
            TestContext.Current.TestOutputHelper?.WriteLine(stack.LogTails());
            await stack.DisposeAsync();
            throw;
        }

        return stack;
    }

    public HttpClient Client(string apiKey = TestKeys.Client)
    {
        var client = new HttpClient { BaseAddress = Ingress.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>
    /// Runs the body of a test; when it fails, writes the tail of every process's log to the test output and
    /// keeps the directory, so the failure can be read from the processes' side.
    /// </summary>
    public async Task GuardAsync(Func<Task> body)
    {
        try
        {
            await body();
        }
        catch
        {
            keepDirectory = true;
            TestContext.Current.TestOutputHelper?.WriteLine(LogTails());
            throw;
        }
    }

    public string LogTails()
    {
        var text = new StringBuilder($"Process logs in {directory.FullName}");
        foreach (var host in Workers.Prepend(Ingress))
        {
            text.AppendLine().AppendLine($"---- {host.Name} (starts {host.Starts}, kills {host.Kills}), last lines:").Append(host.LogTail());
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Workers.Prepend(Ingress))
        {
            await host.DisposeAsync();
        }

        if (!keepDirectory)
        {
            try
            {
                directory.Delete(recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A leftover temp directory is harmless; failing the test run over it is not.
            }
        }
    }

    /// <summary>
    /// The host's own build output, next to this test assembly's: the test project references both hosts, so
    /// building the tests builds them (src/X/bin/&lt;configuration&gt;/&lt;framework&gt;/Backend.X.dll).
    /// </summary>
    internal static string HostAssembly(string host)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Backend.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"No Backend.sln above {AppContext.BaseDirectory}: cannot find the {host} host's build output.");
        }

        var assembly = Path.Combine(root.FullName, "src", host, "bin", configuration, framework, $"Backend.{host}.dll");
        return File.Exists(assembly)
            ? assembly
            : throw new InvalidOperationException($"{assembly} is missing: build the solution (the test project's build builds it).");
    }

    private static string EnvironmentName(string configurationKey) => configurationKey.Replace(":", "__", StringComparison.Ordinal);
}

public sealed record SeedStock(string Sku, int OnHand, decimal UnitPrice = 10m);
