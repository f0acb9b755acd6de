using Backend.Contracts.Orders;
using Backend.Domain.Orders;

namespace Backend.Messaging.Orders;

/// <summary>The order document and the message that carries it, both ways: one mapping for ingress, workers and jobs.</summary>
public static class SubmitOrderMapping
{
    /// <summary>Checks what a plain JSON publisher may have left out, then builds the accepted order.</summary>
    public static Order ToAcceptedOrder(SubmitOrder message, DateTimeOffset acceptedAt)
    {
        MessageValidation.RequireId(message.OrderId, nameof(message.OrderId));
        MessageValidation.RequireText(message.CustomerId, nameof(message.CustomerId));
        MessageValidation.RequireText(message.PaymentToken, nameof(message.PaymentToken));
        var shipTo = MessageValidation.RequireValue(message.ShipTo, nameof(message.ShipTo));
        var country = MessageValidation.RequireText(shipTo.Country, "ShipTo.Country");
        var lines = MessageValidation.RequireValue(message.Lines, nameof(message.Lines));
        MessageValidation.Require(lines.Count is > 0 and <= 100, "'Lines' must hold between 1 and 100 lines.");

        var orderLines = lines.Select((line, index) =>
        {
            MessageValidation.RequireValue(line, $"Lines[{index}]");
            MessageValidation.Require(Domain.Catalog.Sku.IsValid(line.Sku), $"'Lines[{index}].Sku' must match {Domain.Catalog.Sku.Pattern}.");
            MessageValidation.RequirePositive(line.Quantity, $"Lines[{index}].Quantity");
            return new OrderLine(line.Sku, line.Quantity);
        }).ToList();

        return Order.Accept(
            message.OrderId,
            message.CustomerId,
            orderLines,
            message.PaymentToken,
            new ShipTo(country.ToUpperInvariant(), shipTo.Name, shipTo.Line1, shipTo.City, shipTo.PostalCode),
            // Arrival, not the publisher's SubmittedAt, starts the expiry clock: an old or skewed timestamp from
            // another system must not expire an order the moment it lands.
            acceptedAt);
    }

    /// <summary>The message that (re)starts processing of a stored order.</summary>
    public static SubmitOrder ToSubmitOrder(Order order) => new(
        order.Id,
        order.CustomerId,
        [.. order.Lines.Select(line => new OrderLineItem(line.Sku, line.Quantity))],
        order.PaymentToken,
        new ShippingAddress(order.ShipTo.Country, order.ShipTo.Name, order.ShipTo.Line1, order.ShipTo.City, order.ShipTo.PostalCode),
        order.AcceptedAt);
}
