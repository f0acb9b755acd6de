namespace Backend.Integration.Tests.Faults;

/// <summary>
/// Fault tests start several processes and a broker of their own, and time matters to them (a kill must land
/// while orders are in flight), so they run one at a time and after the parallel tests, never beside them on a
/// small machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultCollection
{
    public const string Name = "Faults";
}
