using Backend.Contracts.Orders;
using Backend.Domain.Catalog;
using Backend.Domain.Orders;

namespace Backend.Validation.Orders;

/// <summary>
/// The shape rules of an order, for the ingress and the workers alike; whether its SKUs exist, are active and in
/// stock is the workers' call. Every field is checked as possibly missing: a plain JSON publisher may send anything.
/// </summary>
public static class SubmitOrderValidator
{
    /// <summary>A whole order, as published to the broker.</summary>
    public static OrderContent? Validate(SubmitOrder message, ValidationErrors errors)
    {
        errors.Check(message.OrderId != Guid.Empty, "orderId", "A non-empty GUID is required.");
        errors.Check(
            OrderLimits.IsCustomerId(message.CustomerId),
            "customerId",
            $"A customer id of 1 to {OrderLimits.MaxCustomerIdLength} characters is required.");
        var content = ValidateContent(message.Lines, message.PaymentToken, message.ShipTo, errors);
        return errors.IsEmpty ? content : null;
    }

    /// <summary>What a client sends: the ingress picks the order id and takes the customer from the API key.</summary>
    public static OrderContent? ValidateContent(
        IReadOnlyList<OrderLineItem?>? lines, string? paymentToken, ShippingAddress? shipTo, ValidationErrors errors)
    {
        var orderLines = ValidateLines(lines, errors);
        errors.Check(
            OrderLimits.IsPaymentToken(paymentToken),
            "paymentToken",
            $"A payment token of 1 to {OrderLimits.MaxPaymentTokenLength} characters is required.");
        var address = ValidateShipTo(shipTo, errors);
        return errors.IsEmpty ? new OrderContent(orderLines, paymentToken!, address!) : null;
    }

    private static List<OrderLine> ValidateLines(IReadOnlyList<OrderLineItem?>? lines, ValidationErrors errors)
    {
        if (!errors.Check(lines is { Count: >= 1 and <= OrderLimits.MaxLines }, "lines", $"An order needs 1 to {OrderLimits.MaxLines} lines."))
        {
            return [];
        }

        var valid = new List<OrderLine>(lines!.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var skuOk = errors.Check(Sku.IsValid(line?.Sku), $"lines[{i}].sku", $"A SKU must match {Sku.Description}.");
            var quantityOk = errors.Check(
                OrderLimits.IsQuantity(line?.Quantity), $"lines[{i}].quantity", $"The quantity must be 1 to {OrderLimits.MaxQuantity}.");
            if (skuOk && quantityOk)
            {
                valid.Add(new OrderLine(line!.Sku, line.Quantity));
            }
        }

        return valid;
    }

    private static ShipTo? ValidateShipTo(ShippingAddress? shipTo, ValidationErrors errors)
    {
        if (!errors.Check(shipTo is not null, "shipTo", "A ship-to address with at least a country is required."))
        {
            return null;
        }

        var country = shipTo!.Country?.Trim().ToUpperInvariant();
        var countryOk = errors.Check(OrderLimits.IsCountry(country), "shipTo.country", "The country must be a two-letter ISO 3166 code.");

        var fieldsOk = true;
        foreach (var (field, value) in new[] { ("name", shipTo.Name), ("line1", shipTo.Line1), ("city", shipTo.City), ("postalCode", shipTo.PostalCode) })
        {
            fieldsOk &= errors.Check(
                OrderLimits.IsAddressField(value), $"shipTo.{field}", $"At most {OrderLimits.MaxAddressFieldLength} characters.");
        }

        return countryOk && fieldsOk
            ? new ShipTo(country!, Normalize(shipTo.Name), Normalize(shipTo.Line1), Normalize(shipTo.City), Normalize(shipTo.PostalCode))
            : null;
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
