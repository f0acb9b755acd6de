using Backend.Contracts.Orders;
using Backend.Contracts.Shipping;
using Backend.Domain.Orders;
using Backend.Validation.Orders;

using MassTransit;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Fulfilment.Jobs;

/// <summary>
/// Re-sends <c>SubmitOrder</c> for orders stuck in Accepted or Reserved, and the recorded cancel or shipment of
/// orders it has not reached yet, so a lost publish, a broker outage or a crashed worker delays an order and never
/// loses it. Processing is idempotent, so a re-send is always safe.
/// </summary>
public sealed class OrderRedriveJob(
    IOrderStore orders, RedriveLedger ledger, IBus bus, TimeProvider time, IOptions<JobsOptions> options, ILogger<OrderRedriveJob> logger)
    : OrderSweepJob(bus, logger)
{
    protected override async Task<IReadOnlyList<Order>> FindDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var cutoff = now - settings.RedriveAfter;
        var stale = await orders.FindStaleAsync(InProgress, cutoff, settings.BatchSize, cancellationToken);
        var requested = await orders.FindPendingRequestsAsync(cutoff, settings.BatchSize, cancellationToken);
        var candidates = stale.Concat(requested).DistinctBy(order => order.Id).ToList();
        var due = ledger.TakeDue([.. candidates.Select(order => order.Id)], now, settings.RedriveAfter);
        return [.. candidates.Where(order => due.Contains(order.Id))];
    }

    // A recorded request goes first: a cancel needs no pricing or payment, and the earlier request of the two wins,
    // as it would have had both been delivered in order. The later one is sent on a later run, once the earlier
    // took effect: a shipment after a cancel then ends as a conflict, as it would have with the broker up.
    protected override object CommandFor(Order order) => order switch
    {
        { CancelPending: true, CancelRequest: { } cancel } when !order.ShipmentPending || cancel.At <= order.ShipmentRequest!.At =>
            new CancelOrder(order.Id, cancel.RequestedBy),
        { ShipmentPending: true, ShipmentRequest: { } shipment } =>
            new ShipmentDispatched(order.Id, shipment.Shipment.Carrier, shipment.Shipment.TrackingNumber),
        _ => SubmitOrderMapping.ToSubmitOrder(order),
    };

    protected override string Summary(int orders) => $"re-sent the next message of {orders} orders";
}
