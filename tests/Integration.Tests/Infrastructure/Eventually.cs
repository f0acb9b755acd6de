namespace Backend.Integration.Tests.Infrastructure;

/// <summary>Polls for an outcome of asynchronous processing; fails with what it waited for, never sleeps blindly.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static async Task<T> GetAsync<T>(Func<CancellationToken, Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout ?? DefaultTimeout);
        var last = default(T);
        try
        {
            while (true)
            {
                // The deadline bounds each read too, so one hung call cannot outlast the timeout.
                last = await read(deadline.Token);
                if (done(last))
                {
                    return last;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Timed out waiting for {what}; last seen: {last}");
        }
    }
}
