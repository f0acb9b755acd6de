using Backend.Domain.FailedMessages;
using Backend.Fulfilment.Orders;
using Backend.Messaging;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Backend.Fulfilment.FailedMessages;

public static class FailedMessagesExtensions
{
    /// <summary>
    /// A receive endpoint on the <c>_error</c> and <c>_skipped</c> queue of every consumer queue, storing each message
    /// as a failed-message record (unless <c>FailedMessages:Ingest</c> is false).
    /// </summary>
    public static IHostApplicationBuilder AddFailedMessageIngestion(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<FailedMessagesOptions>()
            .BindConfiguration(FailedMessagesOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FailedMessageMetrics>();

        var options = builder.Configuration.GetSection(FailedMessagesOptions.SectionName).Get<FailedMessagesOptions>() ?? new();
        if (!options.Ingest)
        {
            return builder;
        }

        foreach (var queue in QueueNames.All)
        {
            foreach (var failureQueue in new[] { queue + FailedMessageHeaders.ErrorSuffix, queue + FailedMessageHeaders.SkippedSuffix })
            {
                services.AddRawReceiveEndpoint(failureQueue, provider => new FailedMessageIngestFilter(
                    failureQueue,
                    provider.GetRequiredService<IFailedMessageStore>(),
                    provider.GetRequiredService<TimeProvider>(),
                    provider.GetRequiredService<FailedMessageMetrics>(),
                    provider.GetRequiredService<FaultHooks>(),
                    provider.GetRequiredService<ILogger<FailedMessageIngestFilter>>()));
            }
        }

        return builder;
    }
}
