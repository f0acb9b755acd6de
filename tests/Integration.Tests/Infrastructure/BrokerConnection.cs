using System.Diagnostics;

using RabbitMQ.Client;

namespace Backend.Integration.Tests.Infrastructure;

/// <summary>Waiting for a broker that is starting: what every broker fixture does before it says it is ready.</summary>
internal static class BrokerConnection
{
    /// <returns>null once a connection succeeds, otherwise why it never did.</returns>
    public static async Task<string?> WaitAsync(Uri amqpUri, TimeSpan timeout, Func<string?> gaveUp, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = amqpUri,
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        };
        var waited = Stopwatch.StartNew();
        var lastError = "no attempt made";
        while (waited.Elapsed < timeout)
        {
            try
            {
                await using var connection = await factory.CreateConnectionAsync(cancellationToken);
                return null;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                lastError = $"{exception.GetType().Name}: {exception.InnerException?.Message ?? exception.Message}";
            }

            if (gaveUp() is { } reason)
            {
                return $"{reason} (last connection error: {lastError})";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        return $"no connection within {timeout.TotalSeconds:F0} s (last error: {lastError})";
    }
}
