namespace Backend.Bench;

/// <summary>
/// The tuning levers, each measured against the settings before it in the same run: every variant is a fresh
/// host with these settings on top of the run's own.
/// </summary>
internal static class Levers
{
    private static readonly Dictionary<string, string> Before = new()
    {
        ["Store__Sqlite__Synchronous"] = "Full",
        ["Store__Sqlite__WriteGate"] = "false",
    };

    public static IReadOnlyList<(string Variant, IReadOnlyDictionary<string, string> Settings)> Standalone { get; } =
    [
        ("before", Before),
        ("synchronous-normal", With(Before, ("Store__Sqlite__Synchronous", "Normal"))),
        ("write-gate", With(Before, ("Store__Sqlite__WriteGate", "true"))),
        ("both", With(Before, ("Store__Sqlite__Synchronous", "Normal"), ("Store__Sqlite__WriteGate", "true"))),
        // Not levers to pull, but what two costs of every order are: telemetry (spans are recorded even with no
        // exporter), and the Information log lines.
        ("both-telemetry-off", With(Before, ("Store__Sqlite__Synchronous", "Normal"), ("Store__Sqlite__WriteGate", "true"), ("OTEL_SDK_DISABLED", "true"))),
        ("both-warnings-only", With(Before, ("Store__Sqlite__Synchronous", "Normal"), ("Store__Sqlite__WriteGate", "true"), ("Logging__LogLevel__Default", "Warning"))),
    ];

    public static IReadOnlyList<(string Variant, IReadOnlyDictionary<string, string> Settings)> RabbitMq { get; } =
    [
        ("before", Before),
        ("both", With(Before, ("Store__Sqlite__Synchronous", "Normal"), ("Store__Sqlite__WriteGate", "true"))),
        ("both-concurrency-4", With(Before, ("Store__Sqlite__Synchronous", "Normal"), ("Store__Sqlite__WriteGate", "true"), ("Messaging__ConcurrentMessageLimit", "4"))),
    ];

    public static string Describe(IReadOnlyDictionary<string, string> settings) =>
        string.Join(", ", settings.Select(setting => $"{setting.Key.Replace("__", ":", StringComparison.Ordinal)}={setting.Value}"));

    private static Dictionary<string, string> With(Dictionary<string, string> basis, params (string Key, string Value)[] changes)
    {
        var settings = new Dictionary<string, string>(basis);
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }

        return settings;
    }
}
