using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Backend.Integration.Tests.Faults;

/// <summary>
/// One host (ingress or workers) as its own operating-system process, <c>dotnet Backend.X.dll</c> from the host's
/// build output, configured by environment variables alone, as a deployment runs it. It can be killed with
/// SIGKILL and started again on the same port; its stdout and stderr go to a log file that spans every start.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    // The host runs under this watchdog, whose stdin is a pipe only the test process holds: when the test process
    // ends in any way (even SIGKILL, where no handler runs), the pipe closes and the watchdog SIGKILLs the host, so
    // no host outlives the test run. The watchdog prints the host's pid first, so the test can kill the host itself.
    private const string WatchdogScript = """
        exec 3<&0 4>&1 </dev/null >>"$1" 2>&1
        shift
        "$@" 3<&- 4>&- &
        host=$!
        echo "$host" >&4
        exec 4>&-
        { cat <&3 >/dev/null; kill -KILL "$host" 2>/dev/null; } &
        wait "$host"
        """;

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly string assemblyPath;
    private readonly IReadOnlyDictionary<string, string> environment;
    private Process? watchdog;
    private int hostPid;

    public HostProcess(string name, string assemblyPath, string logPath, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        this.assemblyPath = assemblyPath;
        LogPath = logPath;
        Port = FreeLoopbackPort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");
        this.environment = new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/'),
        };
    }

    public string Name { get; }

    public string LogPath { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int Starts { get; private set; }

    public int Kills { get; private set; }

    public bool IsRunning => watchdog is { HasExited: false };

    /// <summary>
    /// Starts the process and waits until <c>/health/ready</c> answers 200: broker and store reachable.
    /// <paramref name="overrides"/> are environment variables of this start alone (a fault hook, say), so the
    /// next start runs as configured again.
    /// </summary>
    public async Task<TimeSpan> StartAsync(CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? overrides = null)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is already running.");
        }

        var started = Stopwatch.StartNew();
        watchdog?.Dispose();
        File.AppendAllText(LogPath, $"{Environment.NewLine}==== test harness: start #{Starts + 1} of {Name} at {DateTimeOffset.UtcNow:O}{Environment.NewLine}");
        (watchdog, hostPid) = Launch(overrides ?? new Dictionary<string, string>());
        Starts++;
        await WaitUntilReadyAsync(cancellationToken);
        return started.Elapsed;
    }

    /// <summary>SIGKILL, as a crash or an OOM kill: no shutdown hooks, messages in flight stay unacknowledged.</summary>
    public async Task KillAsync()
    {
        if (!IsRunning)
        {
            throw new InvalidOperationException($"{Name} is not running.");
        }

        using (var host = Process.GetProcessById(hostPid))
        {
            // Process.Kill sends SIGKILL on Unix.
            host.Kill();
            await host.WaitForExitAsync();
        }

        Kills++;
        File.AppendAllText(LogPath, $"{Environment.NewLine}==== test harness: SIGKILL of {Name} (pid {hostPid}) at {DateTimeOffset.UtcNow:O}{Environment.NewLine}");
        await StopWatchdogAsync();
    }

    /// <summary>SIGTERM, as an orchestrator stopping a container: the host shuts down gracefully; waits for it to end.</summary>
    public async Task TerminateAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!IsRunning)
        {
            throw new InvalidOperationException($"{Name} is not running.");
        }

        File.AppendAllText(LogPath, $"{Environment.NewLine}==== test harness: SIGTERM of {Name} (pid {hostPid}) at {DateTimeOffset.UtcNow:O}{Environment.NewLine}");
        using (var signal = Process.Start("kill", ["-TERM", hostPid.ToString(CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync(cancellationToken);
        }

        await WaitForOwnExitAsync(timeout, cancellationToken);
    }

    /// <summary>The host's process id, as the jobs' history names its instance.</summary>
    public int ProcessId => IsRunning ? hostPid : throw new InvalidOperationException($"{Name} is not running.");

    /// <summary>
    /// Waits for a host that is to end by itself (a fault hook kills it) and returns its exit status as the shell
    /// reports it: 128 + the signal's number when a signal ended it, so 137 for SIGKILL.
    /// </summary>
    public async Task<int> WaitForOwnExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var running = watchdog ?? throw new InvalidOperationException($"{Name} was never started.");
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            // The watchdog's last command waits for the host, so the watchdog ends with the host's status.
            await running.WaitForExitAsync(bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Name} was still running {timeout.TotalSeconds:F0} s later:{Environment.NewLine}{LogTail()}");
        }

        File.AppendAllText(LogPath, $"{Environment.NewLine}==== test harness: {Name} (pid {hostPid}) ended by itself with status {running.ExitCode} at {DateTimeOffset.UtcNow:O}{Environment.NewLine}");
        await StopWatchdogAsync();
        return running.ExitCode;
    }

    /// <summary>What the host wrote since the harness last started it.</summary>
    public string LogSinceLastStart()
    {
        var log = LogTail(int.MaxValue);
        var start = log.LastIndexOf("==== test harness: start", StringComparison.Ordinal);
        return start < 0 ? log : log[start..];
    }

    public string LogTail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException exception)
        {
            return $"(no log: {exception.Message})";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopWatchdogAsync();
        watchdog?.Dispose();
    }

    private (Process Watchdog, int HostPid) Launch(IReadOnlyDictionary<string, string> overrides)
    {
        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            // The host's own output directory is its content root, so its appsettings.json applies as in a deployment.
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
        };
        // The dotnet the test runner itself was started from, where the SDK names it; else the one on PATH.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath) ? hostPath : "dotnet";
        foreach (var argument in new[] { "-c", WatchdogScript, "host-watchdog", LogPath, dotnet, assemblyPath })
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment.Concat(overrides))
        {
            startInfo.Environment[key] = value;
        }

        var started = Process.Start(startInfo) ?? throw new InvalidOperationException("/bin/sh did not start.");
        var line = started.StandardOutput.ReadLine();
        if (!int.TryParse(line, CultureInfo.InvariantCulture, out var pid))
        {
            started.Kill(entireProcessTree: true);
            started.Dispose();
            throw new InvalidOperationException($"The watchdog of {Name} did not report the host's pid (got '{line}').");
        }

        return (started, pid);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var last = "no answer yet";
        while (waited.Elapsed < ReadyTimeout)
        {
            if (!IsRunning)
            {
                throw new InvalidOperationException($"{Name} exited while starting:{Environment.NewLine}{LogTail()}");
            }

            try
            {
                using var response = await Probe.GetAsync(new Uri(BaseAddress, "/health/ready"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {response.StatusCode}";
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = exception.Message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        throw new TimeoutException($"{Name} was not ready within {ReadyTimeout.TotalSeconds:F0} s (last: {last}):{Environment.NewLine}{LogTail()}");
    }

    private async Task StopWatchdogAsync()
    {
        if (watchdog is null)
        {
            return;
        }

        // Closing stdin makes the watchdog SIGKILL the host if it still runs; either way the watchdog then ends.
        watchdog.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await watchdog.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            watchdog.Kill(entireProcessTree: true);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
