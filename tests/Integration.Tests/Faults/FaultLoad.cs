using System.Globalization;

namespace Backend.Integration.Tests.Faults;

/// <summary>
/// How hard the fault tests push. The default is the short run every <c>dotnet test</c> makes (a few minutes on
/// two cores); the long run is on demand:
/// <c>FAULT_TEST_ORDERS=3000 FAULT_TEST_KILLS=5 dotnet test tests/Integration.Tests --filter "FullyQualifiedName~Faults"</c>.
/// </summary>
public static class FaultLoad
{
    public const int Concurrency = 8;

    public static int Orders => Read("FAULT_TEST_ORDERS", 300, minimum: 50);

    public static int Kills => Read("FAULT_TEST_KILLS", 1, minimum: 1);

    /// <summary>Time for every order to settle after the last fault: re-drive, retries and the backlog itself.</summary>
    public static TimeSpan SettleTimeout(int orders) => TimeSpan.FromSeconds(90 + (orders / 20));

    private static int Read(string name, int fallback, int minimum)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new InvalidOperationException($"{name} must be a whole number of at least {minimum}, not '{text}'.");
    }
}
