using Backend.Messaging;

using MassTransit;
using MassTransit.Testing;

namespace Backend.Fulfilment.Tests.Infrastructure;

/// <summary>
/// Waits on what the harness recorded. The harness's own <c>Any</c> stops waiting for good once the bus has been
/// idle for its inactivity timeout, so the second step of a scenario would not wait at all; these poll instead.
/// A delivery is recorded as consumed only after its outbox was sent, so what it published is visible by then.
/// </summary>
public static class HarnessWaits
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly CancellationToken RecordedSoFar = new(canceled: true);

    /// <summary>Waits until <paramref name="count"/> deliveries were consumed; each must have succeeded.</summary>
    public static async Task ConsumedSuccessfullyAsync<T>(this ITestHarness harness, Func<T, bool> match, int count = 1)
        where T : class
    {
        var consumed = await EventuallyAsync(
            () => ConsumedSoFar(harness, match) is { Count: var seen } all && seen >= count ? all : null,
            $"{count} x {typeof(T).Name} consumed");
        consumed.ShouldAllBe(message => message.Exception == null);
        harness.FaultsSoFar(match).ShouldBeEmpty();
    }

    public static Task<T> PublishedAsync<T>(this ITestHarness harness, Func<T, bool> match)
        where T : class =>
        EventuallyAsync(() => harness.PublishedSoFar(match).FirstOrDefault(), typeof(T).Name);

    /// <summary>Waits for the fault of a message matching <paramref name="match"/> and checks why it failed.</summary>
    public static async Task<Fault<T>> FaultedAsync<T, TException>(this ITestHarness harness, Func<T, bool> match)
        where T : class
        where TException : Exception
    {
        var fault = await EventuallyAsync(() => harness.FaultsSoFar(match).FirstOrDefault(), $"Fault<{typeof(T).Name}>");
        fault.Exceptions.ShouldHaveSingleItem().ExceptionType.ShouldBe(typeof(TException).FullName);
        return fault;
    }

    public static Task<Fault<T>> RejectedAsInvalidAsync<T>(this ITestHarness harness, Func<T, bool> match)
        where T : class => harness.FaultedAsync<T, InvalidMessageException>(match);

    /// <summary>What was published up to now, without waiting.</summary>
    public static IReadOnlyList<T> PublishedSoFar<T>(this ITestHarness harness, Func<T, bool> match)
        where T : class =>
        [.. harness.Published
            .Select<T>(message => match(message.Context.Message), RecordedSoFar)
            .Select(message => message.Context.Message)];

    public static IReadOnlyList<Fault<T>> FaultsSoFar<T>(this ITestHarness harness, Func<T, bool> match)
        where T : class => harness.PublishedSoFar<Fault<T>>(fault => match(fault.Message));

    private static IReadOnlyList<IReceivedMessage<T>> ConsumedSoFar<T>(ITestHarness harness, Func<T, bool> match)
        where T : class => [.. harness.Consumed.Select<T>(message => match(message.Context.Message), RecordedSoFar)];

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"Timed out after {Timeout.TotalSeconds} s waiting for {what}.");
    }
}
