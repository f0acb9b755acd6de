using MassTransit;

using Microsoft.Extensions.DependencyInjection;

namespace Backend.Messaging;

/// <summary>
/// A receive endpoint without a consumer: <see cref="Filter"/> gets every message as received (body and headers,
/// before any deserialization) and the message is acknowledged once it returns. No retry, outbox or size limit of
/// the consumer endpoints applies; what the filter throws leaves the message in its queue.
/// </summary>
public sealed record RawReceiveEndpoint(string QueueName, Func<IServiceProvider, IFilter<ReceiveContext>> Filter, int ConcurrentMessageLimit);

public static class RawReceiveEndpoints
{
    public static IServiceCollection AddRawReceiveEndpoint(
        this IServiceCollection services, string queueName, Func<IServiceProvider, IFilter<ReceiveContext>> filter, int concurrentMessageLimit = 8) =>
        services.AddSingleton(new RawReceiveEndpoint(queueName, filter, concurrentMessageLimit));

    internal static void Configure(IBusRegistrationContext context, IReceiveConfigurator configurator)
    {
        foreach (var endpoint in context.GetServices<RawReceiveEndpoint>())
        {
            configurator.ReceiveEndpoint(endpoint.QueueName, receive =>
            {
                receive.ConfigureConsumeTopology = false;
                receive.ConcurrentMessageLimit = endpoint.ConcurrentMessageLimit;
                receive.ConfigureReceive(pipe => pipe.UseFilter(endpoint.Filter(context)));
            });
        }
    }

    internal static bool IsRaw(IRegistrationContext context, string queueName) =>
        context.GetServices<RawReceiveEndpoint>().Any(endpoint => endpoint.QueueName == queueName);
}
