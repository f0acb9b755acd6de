using System.Text.Json;

using MassTransit;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Backend.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// The transport seam: MassTransit over RabbitMQ or in memory, chosen by <c>Messaging:Transport</c>. Every
    /// receive endpoint reads MassTransit envelopes and plain JSON alike, retries transient failures and sends
    /// what still fails, or can never succeed, to its <c>_error</c> queue.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? registerConsumers = null)
    {
        builder.Services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(provider =>
            new RetrySchedule(provider.GetRequiredService<IOptions<MessagingOptions>>().Value.RetryLimit));
        builder.Services.AddOptions<RabbitMqOptions>()
            .BindConfiguration(RabbitMqOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // A host with consumers starts only once its queues and bindings exist, so nothing published meanwhile
        // misses them; a host that only publishes (the ingress) starts at once and keeps accepting orders while
        // the broker is away. Stopping lets messages in flight finish.
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            options.WaitUntilStarted = registerConsumers is not null;
            options.StartTimeout = TimeSpan.FromSeconds(60);
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });

        var transport = builder.Configuration.GetSection(MessagingOptions.SectionName).GetValue(nameof(MessagingOptions.Transport), Transport.InMemory);

        builder.Services.TryAddSingleton<RawMessageSender>();
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(KebabCaseEndpointNameFormatter.Instance);
            registerConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback(ConfigureEndpoint);

            if (transport == Transport.RabbitMq)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    var rabbit = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                    cfg.Host(rabbit.Host, (ushort)rabbit.Port, rabbit.VirtualHost, host =>
                    {
                        host.Username(rabbit.Username);
                        host.Password(rabbit.Password);
                    });
                    ConfigureBus(context, cfg);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) => ConfigureBus(context, cfg));
            }
        });

        return builder;
    }

    private static void ConfigureBus<TEndpoint>(IBusRegistrationContext context, IBusFactoryConfigurator<TEndpoint> cfg)
        where TEndpoint : IReceiveEndpointConfigurator
    {
        cfg.MessageTopology.SetEntityNameFormatter(new StableEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter));
        cfg.ConfigureJsonSerializerOptions(StrictContracts);
        cfg.UseConsumeFilter(typeof(OrderLogScopeFilter<>), context);
        RawReceiveEndpoints.Configure(context, cfg);
        cfg.ConfigureEndpoints(context);
    }

    /// <summary>
    /// A plain JSON body that lacks a required field, or sends null where the contract allows none, fails to
    /// deserialize, so it lands in the error queue with the reason instead of reaching a consumer with defaults.
    /// </summary>
    private static JsonSerializerOptions StrictContracts(JsonSerializerOptions options)
    {
        // MassTransit shares one options instance per process; a second bus (tests host several) finds it frozen.
        if (!options.IsReadOnly)
        {
            options.RespectRequiredConstructorParameters = true;
            options.RespectNullableAnnotations = true;
        }

        return options;
    }

    /// <summary>Sends a message over <paramref name="maxBytes"/> to the error queue before it is deserialized.</summary>
    public static void UseMessageSizeLimit(this IReceiveEndpointConfigurator endpoint, long maxBytes) =>
        endpoint.ConfigureReceive(receive => receive.UseFilter(new MessageSizeLimitFilter(maxBytes)));

    /// <summary>
    /// What every receive endpoint gets: plain JSON or envelopes, the concurrency limit, the <see cref="RetrySchedule"/>
    /// registered in the container (invalid messages are never retried) and the in-memory outbox. Test harnesses
    /// configure their endpoints with it too, registering an immediate schedule.
    /// </summary>
    public static void ConfigureEndpoint(IRegistrationContext context, string queueName, IReceiveEndpointConfigurator endpoint)
    {
        if (RawReceiveEndpoints.IsRaw(context, queueName))
        {
            return;
        }

        var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;

        // Each endpoint serves exactly one consumer of one message type, so a body without an envelope can only
        // mean that type: other systems may publish plain JSON, with or without a content type.
        endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
        endpoint.UseMessageSizeLimit(options.MaxMessageBytes);
        endpoint.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
        // MassTransit refuses an empty list of intervals: with no redeliveries there is no retry filter at all.
        var schedule = context.GetRequiredService<RetrySchedule>();
        if (schedule.Intervals.Count > 0)
        {
            endpoint.UseMessageRetry(retry =>
            {
                retry.Intervals([.. schedule.Intervals]);
                retry.Ignore<InvalidMessageException>();
            });
        }
        endpoint.UseInMemoryOutbox(context);
    }
}
