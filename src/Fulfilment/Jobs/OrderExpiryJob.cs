using Backend.Contracts.Orders;
using Backend.Domain.Orders;

using MassTransit;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Fulfilment.Jobs;

/// <summary>Finds orders not confirmed in time and sends each an <see cref="ExpireOrder"/>; the consumer decides.</summary>
public sealed class OrderExpiryJob(IOrderStore orders, IBus bus, TimeProvider time, IOptions<JobsOptions> options, ILogger<OrderExpiryJob> logger)
    : OrderSweepJob(bus, logger)
{
    protected override Task<IReadOnlyList<Order>> FindDueAsync(CancellationToken cancellationToken) =>
        orders.FindAcceptedBeforeAsync(InProgress, time.GetUtcNow() - options.Value.ExpireAfter, options.Value.BatchSize, cancellationToken);

    protected override object CommandFor(Order order) => new ExpireOrder(order.Id);

    protected override string Summary(int orders) => $"sent ExpireOrder for {orders} orders";
}
