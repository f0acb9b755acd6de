using Backend.Domain.Catalog;
using Backend.Domain.Orders;
using Backend.Domain.Payments;
using Backend.Domain.Pricing;
using Backend.Fulfilment.Catalog;

using MassTransit;

using Microsoft.Extensions.Logging;

namespace Backend.Fulfilment.Orders;

/// <summary>
/// Takes an order one stored step at a time: Accepted → Reserved (catalog check, pricing, reservation) →
/// Confirmed (payment). Each step is saved over the version it read before anything is published, and every
/// step is safe to repeat, so a redelivered or re-driven message resumes where the order stands.
/// </summary>
public sealed class OrderWorkflow(
    IOrderStore orders,
    IProductStore products,
    IPaymentGateway payments,
    PricingPolicy pricing,
    StockLevels stockLevels,
    OrderMetrics metrics,
    FaultHooks faults,
    TimeProvider time,
    ILogger<OrderWorkflow> logger)
{
    public async Task AdvanceAsync(Order order, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        if (!order.Status.IsInProgress())
        {
            // A redelivery, or a step that lost a race to a cancel or expiry: whatever it reserved or authorized
            // before losing is settled now, and the outcome announced again.
            await RepeatOutcomeAsync(order, publish, cancellationToken);
            return;
        }

        if (order.Status == OrderStatus.Accepted)
        {
            order = await ReserveAsync(order, publish, cancellationToken);
        }

        if (order.Status == OrderStatus.Reserved)
        {
            await AuthorizeAsync(order, publish, cancellationToken);
        }
    }

    /// <summary>
    /// Stores the next state, announces it, and settles stock and payment for it. A final state is stored marked as
    /// not settled yet, and the mark is cleared only once settling succeeded: a process that dies in between leaves
    /// the mark for the settlement sweep.
    /// </summary>
    public async Task<Order> CompleteAsync(Order current, Order next, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        await SaveAsync(current, next, cancellationToken);
        faults.AfterFinalStateSaved(next);
        await publish.Publish(OrderEvents.For(next), cancellationToken);
        next = await SettleAsync(next, cancellationToken);
        metrics.Completed(next);
        Log.OrderMoved(logger, next.Id, next.Status, next.Reason);
        return next;
    }

    /// <summary>
    /// For a message that finds its outcome already stored, and for the settlement sweep. The attempt that stored it
    /// may have failed before its events left the consume's outbox or before settling, so both are done again:
    /// settling is idempotent, and event consumers key on order id and status, as at-least-once delivery asks of
    /// them anyway.
    /// </summary>
    public async Task RepeatOutcomeAsync(Order order, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        await SettleAsync(order, cancellationToken);
        if (!order.Status.IsInProgress())
        {
            await publish.Publish(OrderEvents.For(order), cancellationToken);
        }
    }

    /// <summary>
    /// Makes stock and payment agree with a final state (every call is idempotent), then clears the order's
    /// settlement mark. Returns the order as stored.
    /// </summary>
    public async Task<Order> SettleAsync(Order order, CancellationToken cancellationToken)
    {
        switch (order.Status)
        {
            case OrderStatus.Rejected or OrderStatus.Cancelled or OrderStatus.Expired:
                await products.ReleaseAsync(order.Id, cancellationToken);
                await payments.VoidAsync(order.Id, cancellationToken);
                await stockLevels.CheckAsync(order.Lines.Select(line => line.Sku), cancellationToken);
                break;
            case OrderStatus.Shipped:
                await products.CommitAsync(order.Id, cancellationToken);
                await payments.CaptureAsync(order.Id, cancellationToken);
                break;
        }

        return await ClearSettlementMarkAsync(order, cancellationToken);
    }

    private async Task<Order> ClearSettlementMarkAsync(Order order, CancellationToken cancellationToken)
    {
        // A final order changes after settling only by a recorded shipment conflict or by another settler clearing
        // the mark first, so a lost race is settled by reading the order again.
        for (var attempt = 0; attempt < 3 && order.SettlementPending; attempt++)
        {
            var settled = order.Settled();
            if (await orders.TryUpdateAsync(settled, order.Version, cancellationToken))
            {
                return settled;
            }

            order = await orders.FindAsync(order.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Order {order.Id} disappeared while being settled.");
        }

        if (order.SettlementPending)
        {
            Log.SettlementMarkKept(logger, order.Id);
        }

        return order;
    }

    private async Task<Order> ReserveAsync(Order order, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        var skus = order.Lines.Select(line => line.Sku).Distinct().ToList();
        var catalog = (await products.FindManyAsync(skus, cancellationToken)).ToDictionary(product => product.Sku);
        var now = time.GetUtcNow();

        if (CatalogCheck.Check(order.Lines, catalog) is { } rejection)
        {
            return await CompleteAsync(order, order.Reject(rejection.Reason, rejection.Detail, now), publish, cancellationToken);
        }

        var quote = pricing.Price(order.Lines, catalog, order.ShipTo.Country);
        var reservation = await products.ReserveAsync(
            order.Id, [.. order.Lines.Select(line => new StockRequest(line.Sku, line.Quantity))], cancellationToken);
        metrics.Reservation(reservation.Succeeded);
        if (!reservation.Succeeded)
        {
            var rejected = order.Reject(RejectionReason.OutOfStock, reservation.ShortSku, now);
            return await CompleteAsync(order, rejected, publish, cancellationToken);
        }

        var reserved = order.Reserve(quote, now);
        await SaveAsync(order, reserved, cancellationToken);
        await stockLevels.CheckAsync(skus, cancellationToken);
        Log.OrderReserved(logger, reserved.Id);
        return reserved;
    }

    private async Task AuthorizeAsync(Order order, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        var totals = order.Totals ?? throw new InvalidOperationException($"Reserved order {order.Id} has no totals.");
        var result = await payments.AuthorizeAsync(
            new PaymentRequest(order.Id, order.CustomerId, totals.Total, totals.Currency, order.PaymentToken), cancellationToken);
        var now = time.GetUtcNow();
        var next = result.Approved
            ? order.Confirm(result.AuthorizationId!, now)
            : order.Reject(result.DeclineReason!, null, now);
        await CompleteAsync(order, next, publish, cancellationToken);
    }

    private async Task SaveAsync(Order current, Order next, CancellationToken cancellationToken)
    {
        if (!await orders.TryUpdateAsync(next, current.Version, cancellationToken))
        {
            throw new OrderConcurrencyException(current.Id, current.Version);
        }
    }
}
