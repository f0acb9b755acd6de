using Backend.Contracts.Orders;
using Backend.Domain.Catalog;
using Backend.Domain.Orders;

namespace Backend.Messaging.Orders;

/// <summary>The order document and the message that carries it, both ways: one mapping for ingress, workers and jobs.</summary>
public static class SubmitOrderMapping
{
    /// <summary>
    /// Holds a message to the same shape rules as an HTTP request (a plain JSON publisher may send anything),
    /// then builds the accepted order.
    /// </summary>
    public static Order ToAcceptedOrder(SubmitOrder message, DateTimeOffset acceptedAt, string? traceId = null)
    {
        MessageValidation.RequireId(message.OrderId, nameof(message.OrderId));
        MessageValidation.RequireText(message.CustomerId, nameof(message.CustomerId));
        MessageValidation.Require(OrderLimits.IsPaymentToken(message.PaymentToken),
            $"'PaymentToken' must have 1 to {OrderLimits.MaxPaymentTokenLength} characters.");
        var shipTo = MessageValidation.RequireValue(message.ShipTo, nameof(message.ShipTo));
        var country = shipTo.Country?.Trim().ToUpperInvariant();
        MessageValidation.Require(OrderLimits.IsCountry(country), "'ShipTo.Country' must be a two-letter ISO 3166 code.");
        MessageValidation.Require(
            new[] { shipTo.Name, shipTo.Line1, shipTo.City, shipTo.PostalCode }.All(OrderLimits.IsAddressField),
            $"'ShipTo' fields may have at most {OrderLimits.MaxAddressFieldLength} characters.");
        var lines = MessageValidation.RequireValue(message.Lines, nameof(message.Lines));
        MessageValidation.Require(lines.Count is > 0 and <= OrderLimits.MaxLines, $"'Lines' must hold 1 to {OrderLimits.MaxLines} lines.");

        var orderLines = lines.Select((line, index) =>
        {
            MessageValidation.RequireValue(line, $"Lines[{index}]");
            MessageValidation.Require(Sku.IsValid(line.Sku), $"'Lines[{index}].Sku' must match {Sku.Pattern}.");
            MessageValidation.Require(OrderLimits.IsQuantity(line.Quantity), $"'Lines[{index}].Quantity' must be 1 to {OrderLimits.MaxQuantity}.");
            return new OrderLine(line.Sku, line.Quantity);
        }).ToList();

        return Order.Accept(
            message.OrderId,
            message.CustomerId,
            orderLines,
            message.PaymentToken,
            new ShipTo(country!, shipTo.Name, shipTo.Line1, shipTo.City, shipTo.PostalCode),
            // Arrival, not the publisher's SubmittedAt, starts the expiry clock: an old or skewed timestamp from
            // another system must not expire an order the moment it lands.
            acceptedAt,
            traceId: traceId);
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
