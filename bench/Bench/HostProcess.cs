using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Backend.Bench;

/// <summary>
/// A server of the benchmark as its own process, <c>dotnet X.dll</c> from a Release build, configured by
/// environment variables alone, with its output appended to a log file; it answers on a free loopback port.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process process;

    private HostProcess(string name, Process process, Uri baseAddress)
    {
        Name = name;
        this.process = process;
        BaseAddress = baseAddress;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int Pid => process.Id;

    public static async Task<HostProcess> StartAsync(
        string name, string assemblyPath, string logPath, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort().ToString(CultureInfo.InvariantCulture)}");
        // exec: the pid measured is the server's own, not a shell's.
        var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(assemblyPath)! };
        foreach (var argument in new[] { "-c", "exec dotnet \"$1\" >>\"$2\" 2>&1", "host", assemblyPath, logPath })
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        // Urls too: an appsettings.json Urls (Standalone has one) outranks ASPNETCORE_URLS, not a plain variable.
        startInfo.Environment["ASPNETCORE_URLS"] = startInfo.Environment["Urls"] = baseAddress.ToString().TrimEnd('/');
        var host = new HostProcess(name, Process.Start(startInfo) ?? throw new InvalidOperationException($"{name} did not start."), baseAddress);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            if (host.process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {host.process.ExitCode}; see {logPath}.");
            }

            try
            {
                using var response = await Probe.GetAsync(new Uri(baseAddress, "/health/ready"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening, not answering yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                await host.DisposeAsync();
                throw new TimeoutException($"{name} was not ready within 120 s; see {logPath}.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    public double CpuSeconds() => ProcessMeter.CpuSeconds(process.Id);

    public double PeakRssMegabytes() => ProcessMeter.PeakRssMegabytes(process.Id);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // SIGTERM first: the host stops its bus and store cleanly; SIGKILL if it takes too long.
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
