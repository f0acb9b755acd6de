using Backend.Contracts.Orders;
using Backend.Validation;
using Backend.Validation.Orders;

namespace Backend.Api.Orders;

/// <summary>
/// A request holds the order to the same validator as a message from the broker; only the Idempotency-Key header
/// is the ingress's own to check.
/// </summary>
public static class SubmitOrderValidation
{
    public const int MaxIdempotencyKeyLength = 200;

    public static OrderContent? Validate(SubmitOrderRequest request, string? idempotencyKey, ValidationErrors errors)
    {
        // A missing SKU, quantity or country becomes a value the validator refuses with the same per-field message.
        var content = SubmitOrderValidator.ValidateContent(
            request.Lines?.Select(line => line is null ? null : new OrderLineItem(line.Sku ?? "", line.Quantity ?? 0)).ToList(),
            request.PaymentToken,
            request.ShipTo is { } shipTo
                ? new ShippingAddress(shipTo.Country ?? "", shipTo.Name, shipTo.Line1, shipTo.City, shipTo.PostalCode)
                : null,
            errors);

        errors.Check(
            idempotencyKey is null || (!string.IsNullOrWhiteSpace(idempotencyKey) && idempotencyKey.Length <= MaxIdempotencyKeyLength),
            ApiHeaders.IdempotencyKey,
            $"The {ApiHeaders.IdempotencyKey} header, when sent, must have 1 to {MaxIdempotencyKeyLength} characters.");

        return errors.IsEmpty ? content : null;
    }
}
