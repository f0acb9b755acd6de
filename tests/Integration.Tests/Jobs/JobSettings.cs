using Backend.Fulfilment.Jobs;

namespace Backend.Integration.Tests.Jobs;

/// <summary>Host settings that leave one job on a test cron and switch every other job off.</summary>
public static class JobSettings
{
    public static Dictionary<string, string> Only(string setting, string cron, IReadOnlyDictionary<string, string>? more = null)
    {
        var settings = new JobsOptions().Schedules
            .Where(schedule => schedule.Setting != setting)
            .ToDictionary(schedule => $"Jobs:{schedule.Setting}:Enabled", _ => "false");
        settings[$"Jobs:{setting}:Cron"] = cron;
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>
    /// Environment variables of a workers process whose job runs each wait <paramref name="delay"/> before they work.
    /// The fault hooks are inert in Production, which the process stacks otherwise run as.
    /// </summary>
    public static Dictionary<string, string> SlowRuns(TimeSpan delay) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        ["DOTNET_ENVIRONMENT"] = "Testing",
        ["Faults__JobRunDelay"] = delay.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
    };

    public static Dictionary<string, string?> Nullable(IReadOnlyDictionary<string, string> settings) =>
        settings.ToDictionary(pair => pair.Key, pair => (string?)pair.Value);
}
