using System.Globalization;

namespace Backend.Bench;

/// <summary>CPU time and peak resident memory of a process, from <c>/proc</c> (Linux).</summary>
internal static class ProcessMeter
{
    // USER_HZ is 100 on every Linux the benchmark runs on; /proc/[pid]/stat counts in it.
    private const double TicksPerSecond = 100;

    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        // Fields after the command name, which is in parentheses and may hold spaces: state is field 3,
        // utime 14 and stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>VmHWM: the most the process has had resident since it started, in MB.</summary>
    public static double PeakRssMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status")
            .First(line => line.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return Math.Round(kilobytes / 1024.0, 1);
    }
}
