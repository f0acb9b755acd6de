using Backend.Messaging;

namespace Backend.Fulfilment.Tests.Jobs;

/// <summary>The endpoints' retry schedule, whose horizon the re-drive delay is checked against.</summary>
public sealed class RetryScheduleTests
{
    [Fact]
    public void Waits_grow_from_200_ms_to_at_most_30_s_and_span_89_7_s_when_the_limit_is_the_default()
    {
        var schedule = new RetrySchedule(new MessagingOptions().RetryLimit);

        schedule.Intervals.Select(interval => interval.TotalMilliseconds).ShouldBe([200, 700, 1700, 3700, 7700, 15700, 30000, 30000]);
        schedule.Waits.ShouldBe(TimeSpan.FromMilliseconds(89_700));
        schedule.Horizon.ShouldBe(schedule.Waits + RetrySchedule.HandlingAllowance);
    }

    [Fact]
    public void Horizon_is_the_handling_allowance_alone_when_nothing_is_retried()
    {
        var schedule = new RetrySchedule(0);

        schedule.Intervals.ShouldBeEmpty();
        schedule.Horizon.ShouldBe(RetrySchedule.HandlingAllowance);
    }
}
