using System.Diagnostics;

using Backend.Contracts.Orders;
using Backend.Domain.Orders;
using Backend.Messaging;
using Backend.Validation;
using Backend.Validation.Orders;

using MassTransit;

using Microsoft.Extensions.Logging;

namespace Backend.Fulfilment.Orders;

/// <summary>
/// Processes a submitted order. The ingress has stored it already; an order published straight to the broker
/// by another system is stored here first, so both paths continue from the same document.
/// </summary>
public sealed class SubmitOrderConsumer(
    IOrderStore orders, OrderWorkflow workflow, IBus bus, TimeProvider time, ILogger<SubmitOrderConsumer> logger)
    : IConsumer<SubmitOrder>
{
    public async Task Consume(ConsumeContext<SubmitOrder> context)
    {
        var errors = new ValidationErrors();
        var submitted = SubmitOrderMapping.ToAcceptedOrder(context.Message, time.GetUtcNow(), errors, Activity.Current?.TraceId.ToHexString())
            ?? throw InvalidMessages.From(errors);
        var order = await orders.FindAsync(submitted.Id, context.CancellationToken)
            ?? await AcceptAsync(submitted, context);

        MessageValidation.Require(order.CustomerId == submitted.CustomerId,
            $"Order {order.Id} exists for another customer; the message cannot be applied to it.");
        await workflow.AdvanceAsync(order, context, context.CancellationToken);
    }

    private async Task<Order> AcceptAsync(Order submitted, ConsumeContext context)
    {
        if (await orders.TryAddAsync(submitted, context.CancellationToken) != AddOrderOutcome.Added)
        {
            // A concurrent delivery stored it first: carry on from its copy.
            return await orders.FindAsync(submitted.Id, context.CancellationToken)
                ?? throw new InvalidOperationException($"Order {submitted.Id} was reported stored but cannot be read.");
        }

        Log.OrderAcceptedFromBroker(logger, submitted.Id, submitted.CustomerId);

        // Straight on the bus, not through the outbox: the order is stored, and a retry finds it stored and
        // would never announce it.
        await bus.Publish(new OrderAccepted(submitted.Id, submitted.CustomerId, submitted.AcceptedAt), context.CancellationToken);
        return submitted;
    }
}

public sealed class SubmitOrderConsumerDefinition : ConsumerDefinition<SubmitOrderConsumer>
{
    public SubmitOrderConsumerDefinition() => EndpointName = QueueNames.SubmitOrder;
}
