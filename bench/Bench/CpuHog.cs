using System.Diagnostics;

namespace Backend.Bench;

/// <summary>Another process keeping one core busy, as a build or a neighbour would: <c>yes</c> writing to /dev/null.</summary>
internal sealed class CpuHog : IDisposable
{
    private readonly Process process;

    private CpuHog(Process process) => this.process = process;

    public static CpuHog Start()
    {
        var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add("exec yes >/dev/null");
        return new CpuHog(Process.Start(startInfo) ?? throw new InvalidOperationException("The CPU load did not start."));
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }
}
