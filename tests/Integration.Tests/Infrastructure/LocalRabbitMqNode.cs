using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Backend.Integration.Tests.Infrastructure;

/// <summary>
/// A throw-away RabbitMQ node started from a locally installed <c>rabbitmq-server</c>, with its own name,
/// ports, data and Erlang cookie in a temp directory, so it never touches a system node.
/// </summary>
internal sealed class LocalRabbitMqNode : IAsyncDisposable
{
    // The node runs under this watchdog, whose stdin is a pipe only the test process holds: when the test
    // process ends in any way (even SIGKILL, where no handler runs), the pipe closes and the watchdog stops
    // the node. Dispose uses the same path. SIGTERM is rabbitmq-server's graceful stop, but a TERM that
    // lands while the VM is still booting is lost, hence the KILL of the node's whole process group
    // (setsid makes one) after a grace period.
    private const string WatchdogScript = """
        exec 3<&0 </dev/null >"$2" 2>&1
        if command -v setsid >/dev/null; then setsid "$1" 3<&- & else "$1" 3<&- & fi
        server=$!
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

    private readonly Process watchdog;
    private readonly DirectoryInfo directory;

    private LocalRabbitMqNode(Process watchdog, DirectoryInfo directory, string nodeName, int port)
    {
        this.watchdog = watchdog;
        this.directory = directory;
        NodeName = nodeName;
        Port = port;
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

    public static LocalRabbitMqNode Start(string serverScript)
    {
        var directory = Directory.CreateTempSubdirectory("backend-rabbitmq-");
        var nodeName = $"backend-test-{Environment.ProcessId}@localhost";
        var (port, distributionPort) = FreeLoopbackPorts();
        var enabledPlugins = Path.Combine(directory.FullName, "enabled_plugins");
        var emptyConfig = Path.Combine(directory.FullName, "rabbitmq.conf");
        var emptyEnvConfig = Path.Combine(directory.FullName, "rabbitmq-env.conf");
        File.WriteAllText(enabledPlugins, "");
        File.WriteAllText(emptyConfig, "");
        File.WriteAllText(emptyEnvConfig, "");

        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            WorkingDirectory = directory.FullName,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(WatchdogScript);
        startInfo.ArgumentList.Add("rabbitmq-test-watchdog");
        startInfo.ArgumentList.Add(serverScript);
        startInfo.ArgumentList.Add(Path.Combine(directory.FullName, "server.log"));

        var environment = startInfo.Environment;
        // Its own HOME gives the node its own Erlang cookie and leaves the user's ~/.erlang.cookie alone.
        environment["HOME"] = directory.FullName;
        environment["RABBITMQ_NODENAME"] = nodeName;
        environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        environment["RABBITMQ_NODE_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        environment["RABBITMQ_DIST_PORT"] = distributionPort.ToString(CultureInfo.InvariantCulture);
        environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory.FullName, "mnesia");
        environment["RABBITMQ_LOG_BASE"] = Path.Combine(directory.FullName, "log");
        environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = enabledPlugins;
        // Empty files instead of /etc/rabbitmq/*, so a system node's settings (name, ports, users) never leak in.
        environment["RABBITMQ_CONFIG_FILE"] = emptyConfig;
        environment["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(directory.FullName, "advanced.config");
        environment["RABBITMQ_CONF_ENV_FILE"] = emptyEnvConfig;

        try
        {
            var watchdog = Process.Start(startInfo)
                ?? throw new InvalidOperationException("/bin/sh did not start.");
            return new LocalRabbitMqNode(watchdog, directory, nodeName, port);
        }
        catch
        {
            directory.Delete(recursive: true);
            throw;
        }
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
        // Closing stdin is the watchdog's signal to stop the node gracefully.
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
