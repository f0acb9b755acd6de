using Backend.Contracts.Orders;
using Backend.Domain.Orders;

namespace Backend.Validation.Orders;

/// <summary>The order document and the message that carries it, both ways: one mapping for ingress, workers and jobs.</summary>
public static class SubmitOrderMapping
{
    /// <summary>The accepted order a message describes, or null with the reasons in <paramref name="errors"/>.</summary>
    public static Order? ToAcceptedOrder(SubmitOrder message, DateTimeOffset acceptedAt, ValidationErrors errors, string? traceId = null) =>
        SubmitOrderValidator.Validate(message, errors) is { } content
            ? Order.Accept(
                message.OrderId,
                message.CustomerId,
                content.Lines,
                content.PaymentToken,
                content.ShipTo,
                // Arrival, not the publisher's SubmittedAt, starts the expiry clock: an old or skewed timestamp from
                // another system must not expire an order the moment it lands.
                acceptedAt,
                traceId: traceId)
            : null;

    /// <summary>The message that (re)starts processing of a stored order.</summary>
    public static SubmitOrder ToSubmitOrder(Order order) => new(
        order.Id,
        order.CustomerId,
        [.. order.Lines.Select(line => new OrderLineItem(line.Sku, line.Quantity))],
        order.PaymentToken,
        new ShippingAddress(order.ShipTo.Country, order.ShipTo.Name, order.ShipTo.Line1, order.ShipTo.City, order.ShipTo.PostalCode),
        order.AcceptedAt);
}
