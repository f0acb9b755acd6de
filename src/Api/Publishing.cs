using MassTransit;

namespace Backend.Api;

/// <summary>Publishing from a request: bounded by a timeout, so a broker outage never holds a caller past it.</summary>
internal static class Publishing
{
    /// <summary>True when the broker took the message within <paramref name="timeoutSeconds"/>; false when it did not.</summary>
    public static async Task<bool> TryPublishAsync<T>(
        this IPublishEndpoint publisher, T message, int timeoutSeconds, Action<Exception> onFailure, CancellationToken cancellationToken)
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await publisher.Publish(message, timeout.Token);
            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            onFailure(exception);
            return false;
        }
    }
}
