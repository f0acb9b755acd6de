namespace Backend.Store;

/// <summary>
/// Runs an initialization once per instance, whoever comes first: the hosted service at start or a store call
/// made before it. A failed attempt is retried by the next caller.
/// </summary>
internal sealed class InitializeOnce
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool done;

    public async Task RunAsync(Func<CancellationToken, Task> initialize, CancellationToken cancellationToken)
    {
        if (done)
        {
            return;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!done)
            {
                await initialize(cancellationToken);
                done = true;
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
