using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Backend.Integration.Tests.Infrastructure;

/// <summary>
/// A throw-away RabbitMQ node started from a locally installed <c>rabbitmq-server</c>, with its own name,
/// ports, data and Erlang cookie in a temp directory, so it never touches a system node. Fault tests kill it
/// with SIGKILL and start it again on the same ports and data, as a crashed broker is restarted in production.
/// </summary>
internal sealed class LocalRabbitMqNode : IAsyncDisposable
{
    // The node runs under this watchdog, whose stdin is a pipe only the test process holds: when the test
    // process ends in any way (even SIGKILL, where no handler runs), the pipe closes and the watchdog stops
    // the node. Dispose uses the same path. SIGTERM is rabbitmq-server's graceful stop, but a TERM that
    // lands while the VM is still booting is lost, hence the KILL of the node's whole process group
    // (setsid makes one) after a grace period. The watchdog prints the group's id first, so a fault test
    // can kill the node without its help; the log is appended to, so it spans every start of the node.
    private const string WatchdogScript = """
        exec 3<&0 4>&1 </dev/null >>"$2" 2>&1
        if command -v setsid >/dev/null; then setsid "$1" 3<&- 4>&- & else "$1" 3<&- 4>&- & fi
        server=$!
        echo "$server" >&4
        exec 4>&-
        {
          cat <&3 >/dev/null
          kill -TERM "$server" 2>/dev/null
          for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
            kill -0 "$server" 2>/dev/null || break
            sleep 1
          done
          kill -KILL -"$server" 2>/dev/null
        } &
        wait "$server"
        """;

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly string serverScript;
    private readonly DirectoryInfo directory;
    private readonly IReadOnlyDictionary<string, string> environment;
    private Process watchdog;
    private int serverProcessGroup;

    private LocalRabbitMqNode(string serverScript, DirectoryInfo directory, string nodeName, int port, IReadOnlyDictionary<string, string> environment)
    {
        this.serverScript = serverScript;
        this.directory = directory;
        this.environment = environment;
        NodeName = nodeName;
        Port = port;
        (watchdog, serverProcessGroup) = Launch();
    }

    public string NodeName { get; }

    public int Port { get; }

    public bool HasExited => watchdog.HasExited;

    public static string? FindServerScript()
    {
        // Debian's and RPM's /usr/sbin/rabbitmq-server is a wrapper that switches to the rabbitmq user when
        // run as root (which could not write our temp directory), so prefer the real script behind it.
        const string packagedScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
        if (File.Exists(packagedScript))
        {
            return packagedScript;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin")
            .Select(directory => Path.Combine(directory, "rabbitmq-server"))
            .FirstOrDefault(File.Exists);
    }

    // The label is part of the node name, so two nodes of one test process never share a name.
    public static LocalRabbitMqNode Start(string serverScript, string nodeLabel = "test")
    {
        var directory = Directory.CreateTempSubdirectory("backend-rabbitmq-");
        var nodeName = $"backend-{nodeLabel}-{Environment.ProcessId}@localhost";
        var (port, distributionPort) = FreeLoopbackPorts();
        var enabledPlugins = Path.Combine(directory.FullName, "enabled_plugins");
        var emptyConfig = Path.Combine(directory.FullName, "rabbitmq.conf");
        var emptyEnvConfig = Path.Combine(directory.FullName, "rabbitmq-env.conf");
        File.WriteAllText(enabledPlugins, "");
        File.WriteAllText(emptyConfig, "");
        File.WriteAllText(emptyEnvConfig, "");

        var environment = new Dictionary<string, string>
        {
            // Its own HOME gives the node its own Erlang cookie and leaves the user's ~/.erlang.cookie alone.
            ["HOME"] = directory.FullName,
            ["RABBITMQ_NODENAME"] = nodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory.FullName, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(directory.FullName, "log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = enabledPlugins,
            // Empty files instead of /etc/rabbitmq/*, so a system node's settings (name, ports, users) never leak in.
            ["RABBITMQ_CONFIG_FILE"] = emptyConfig,
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(directory.FullName, "advanced.config"),
            ["RABBITMQ_CONF_ENV_FILE"] = emptyEnvConfig,
        };

        try
        {
            return new LocalRabbitMqNode(serverScript, directory, nodeName, port, environment);
        }
        catch
        {
            directory.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Kills the node's whole process group with SIGKILL, as a crash or an OOM kill would: no graceful stop,
    /// unconfirmed messages and open connections simply vanish.
    /// </summary>
    public async Task KillAsync()
    {
        using (var kill = Process.Start("kill", ["-KILL", "--", $"-{serverProcessGroup.ToString(CultureInfo.InvariantCulture)}"]))
        {
            await kill.WaitForExitAsync();
        }

        await StopWatchdogAsync();
    }

    /// <summary>Starts the node again under the same name, on the same ports, over the same data directory.</summary>
    public void Restart()
    {
        if (!watchdog.HasExited)
        {
            throw new InvalidOperationException($"Node {NodeName} is still running; kill it first.");
        }

        watchdog.Dispose();
        (watchdog, serverProcessGroup) = Launch();
    }

    /// <summary>
    /// Messages per queue, ready and unacknowledged alike, from <c>rabbitmqctl</c>: an AMQP client sees only the
    /// ready ones, and a test that waits for duplicates to be handled must also wait for those being handled.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> QueueDepthsAsync(CancellationToken cancellationToken) =>
        (await ControlAsync(cancellationToken, "list_queues", "--no-table-headers", "name", "messages"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
            .Where(fields => fields.Length == 2)
            .ToDictionary(fields => fields[0], fields => long.Parse(fields[1], CultureInfo.InvariantCulture));

    /// <summary>Runs <c>rabbitmqctl</c> against this node and returns what it printed; throws when it fails.</summary>
    public async Task<string> ControlAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Path.Combine(Path.GetDirectoryName(serverScript)!, "rabbitmqctl"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-q", "-n", NodeName }.Concat(arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        using var control = Process.Start(startInfo) ?? throw new InvalidOperationException("rabbitmqctl did not start.");
        var output = control.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = control.StandardError.ReadToEndAsync(cancellationToken);
        await control.WaitForExitAsync(cancellationToken);
        if (control.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed ({control.ExitCode}): {await error}");
        }

        return await output;
    }

    public string LogTail(int lines = 20)
    {
        try
        {
            var log = File.ReadAllLines(Path.Combine(directory.FullName, "server.log"));
            return string.Join(Environment.NewLine, log.TakeLast(lines));
        }
        catch (IOException exception)
        {
            return $"(no server log: {exception.Message})";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopWatchdogAsync();
        watchdog.Dispose();
        try
        {
            directory.Delete(recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover temp directory is harmless; failing the test run over it is not.
        }
    }

    private (Process Watchdog, int ServerProcessGroup) Launch()
    {
        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            WorkingDirectory = directory.FullName,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(WatchdogScript);
        startInfo.ArgumentList.Add("rabbitmq-test-watchdog");
        startInfo.ArgumentList.Add(serverScript);
        startInfo.ArgumentList.Add(Path.Combine(directory.FullName, "server.log"));
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var started = Process.Start(startInfo) ?? throw new InvalidOperationException("/bin/sh did not start.");
        var line = started.StandardOutput.ReadLine();
        if (!int.TryParse(line, CultureInfo.InvariantCulture, out var processGroup))
        {
            started.Kill(entireProcessTree: true);
            started.Dispose();
            throw new InvalidOperationException($"The rabbitmq-server watchdog did not report the node's process id (got '{line}').");
        }

        return (started, processGroup);
    }

    private async Task StopWatchdogAsync()
    {
        // Closing stdin is the watchdog's signal to stop the node gracefully (a no-op once it is dead).
        watchdog.StandardInput.Close();
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await watchdog.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            watchdog.Kill(entireProcessTree: true);
        }
    }

    private static (int Node, int Distribution) FreeLoopbackPorts()
    {
        // Both listeners stay open until both ports are known, so the OS cannot hand out the same one twice.
        using var node = new TcpListener(IPAddress.Loopback, 0);
        using var distribution = new TcpListener(IPAddress.Loopback, 0);
        node.Start();
        distribution.Start();
        return (((IPEndPoint)node.LocalEndpoint).Port, ((IPEndPoint)distribution.LocalEndpoint).Port);
    }
}
