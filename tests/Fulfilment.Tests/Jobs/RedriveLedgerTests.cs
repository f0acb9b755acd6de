using Backend.Fulfilment.Jobs;

namespace Backend.Fulfilment.Tests.Jobs;

public sealed class RedriveLedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    [Fact]
    public void Order_is_resent_once_per_interval_while_it_stays_stale()
    {
        var ledger = new RedriveLedger();
        Guid[] stale = [Guid.NewGuid(), Guid.NewGuid()];

        ledger.TakeDue(stale, Now, Interval).ShouldBe(stale, ignoreOrder: true);
        ledger.TakeDue(stale, Now.AddSeconds(15), Interval).ShouldBeEmpty();
        ledger.TakeDue(stale, Now.AddSeconds(30), Interval).ShouldBe(stale, ignoreOrder: true);
    }

    [Fact]
    public void Order_that_stopped_being_stale_is_forgotten_and_due_at_once_when_stale_again()
    {
        var ledger = new RedriveLedger();
        var order = Guid.NewGuid();

        ledger.TakeDue([order], Now, Interval).ShouldHaveSingleItem();
        ledger.TakeDue(Array.Empty<Guid>(), Now.AddSeconds(5), Interval).ShouldBeEmpty();

        ledger.TakeDue([order], Now.AddSeconds(10), Interval).ShouldHaveSingleItem();
    }
}
