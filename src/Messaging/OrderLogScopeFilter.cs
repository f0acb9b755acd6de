using System.Reflection;

using MassTransit;

using Microsoft.Extensions.Logging;

namespace Backend.Messaging;

/// <summary>
/// Puts the order id of a message that names one (a Guid <c>OrderId</c> property) into the logging scope of its
/// consume, so every line written while handling it carries the id beside the trace and span ids.
/// </summary>
public sealed class OrderLogScopeFilter<T>(ILogger<OrderLogScopeFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public const string ScopeKey = "OrderId";

    private static readonly PropertyInfo? OrderIdProperty =
        typeof(T).GetProperty(ScopeKey, BindingFlags.Public | BindingFlags.Instance) is { PropertyType: var type } property && type == typeof(Guid)
            ? property
            : null;

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (OrderIdProperty?.GetValue(context.Message) is not Guid orderId)
        {
            await next.Send(context);
            return;
        }

        using (logger.BeginScope(new Dictionary<string, object> { [ScopeKey] = orderId }))
        {
            await next.Send(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("orderLogScope");
}
