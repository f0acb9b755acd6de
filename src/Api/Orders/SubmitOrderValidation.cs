using Backend.Domain.Catalog;
using Backend.Domain.Orders;

namespace Backend.Api.Orders;

/// <summary>The ingress checks only an order's shape; whether its SKUs exist, are active and in stock is the workers' call.</summary>
public static class SubmitOrderValidation
{
    public const int MaxIdempotencyKeyLength = 200;

    public static ValidatedOrder? Validate(SubmitOrderRequest request, string? idempotencyKey, ValidationErrors errors)
    {
        var lines = ValidateLines(request.Lines, errors);

        errors.Check(
            OrderLimits.IsPaymentToken(request.PaymentToken),
            "paymentToken",
            $"A payment token of 1 to {OrderLimits.MaxPaymentTokenLength} characters is required.");

        var shipTo = ValidateShipTo(request.ShipTo, errors);

        errors.Check(
            idempotencyKey is null || (!string.IsNullOrWhiteSpace(idempotencyKey) && idempotencyKey.Length <= MaxIdempotencyKeyLength),
            ApiHeaders.IdempotencyKey,
            $"The {ApiHeaders.IdempotencyKey} header, when sent, must have 1 to {MaxIdempotencyKeyLength} characters.");

        return errors.IsEmpty ? new ValidatedOrder(lines, request.PaymentToken!, shipTo!) : null;
    }

    private static List<OrderLine> ValidateLines(IReadOnlyList<OrderLineRequest?>? lines, ValidationErrors errors)
    {
        if (!errors.Check(lines is { Count: >= 1 and <= OrderLimits.MaxLines }, "lines", $"An order needs 1 to {OrderLimits.MaxLines} lines."))
        {
            return [];
        }

        var valid = new List<OrderLine>(lines!.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var skuOk = errors.Check(Sku.IsValid(line?.Sku), $"lines[{i}].sku", $"A SKU must match {Sku.Pattern}.");
            var quantityOk = errors.Check(
                OrderLimits.IsQuantity(line?.Quantity), $"lines[{i}].quantity", $"The quantity must be 1 to {OrderLimits.MaxQuantity}.");
            if (skuOk && quantityOk)
            {
                valid.Add(new OrderLine(line!.Sku!, line.Quantity!.Value));
            }
        }

        return valid;
    }

    private static ShipTo? ValidateShipTo(ShipToRequest? shipTo, ValidationErrors errors)
    {
        if (!errors.Check(shipTo is not null, "shipTo", "A ship-to address with at least a country is required."))
        {
            return null;
        }

        var country = shipTo!.Country?.Trim().ToUpperInvariant();
        var countryOk = errors.Check(
            OrderLimits.IsCountry(country),
            "shipTo.country",
            "The country must be a two-letter ISO 3166 code.");

        var fieldsOk = true;
        foreach (var (field, value) in new[] { ("name", shipTo.Name), ("line1", shipTo.Line1), ("city", shipTo.City), ("postalCode", shipTo.PostalCode) })
        {
            fieldsOk &= errors.Check(
                OrderLimits.IsAddressField(value),
                $"shipTo.{field}",
                $"At most {OrderLimits.MaxAddressFieldLength} characters.");
        }

        return countryOk && fieldsOk
            ? new ShipTo(
                country!,
                Normalize(shipTo.Name),
                Normalize(shipTo.Line1),
                Normalize(shipTo.City),
                Normalize(shipTo.PostalCode))
            : null;
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
