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
        while (!deadline.IsCancellationRequested)
        {
            last = await read(TestContext.Current.CancellationToken);
            if (done(last))
            {
                return last;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"Timed out waiting for {what}; last seen: {last}");
    }
}
