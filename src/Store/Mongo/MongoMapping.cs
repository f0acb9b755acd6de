using Backend.Domain.Catalog;
using Backend.Domain.Orders;

namespace Backend.Store.Mongo;

internal static class MongoMapping
{
    public static OrderDocument ToDocument(Order order) => new()
    {
        Id = order.Id,
        CustomerId = order.CustomerId,
        Lines = [.. order.Lines.Select(line => new OrderLineDocument
        {
            Sku = line.Sku, Quantity = line.Quantity, UnitPrice = line.UnitPrice, LineTotal = line.LineTotal,
        })],
        PaymentToken = order.PaymentToken,
        ShipTo = new ShipToDocument
        {
            Country = order.ShipTo.Country,
            Name = order.ShipTo.Name,
            Line1 = order.ShipTo.Line1,
            City = order.ShipTo.City,
            PostalCode = order.ShipTo.PostalCode,
        },
        AcceptedAt = order.AcceptedAt.UtcDateTime,
        Status = order.Status,
        Timeline = [.. order.Timeline.Select(entry => new TimelineEntryDocument
        {
            Status = entry.Status, At = entry.At.UtcDateTime, Reason = entry.Reason,
        })],
        UpdatedAt = order.UpdatedAt.UtcDateTime,
        Version = order.Version,
        Reason = order.Reason,
        ReasonDetail = order.ReasonDetail,
        Totals = order.Totals is { } totals
            ? new OrderTotalsDocument
            {
                Subtotal = totals.Subtotal,
                Discount = totals.Discount,
                Tax = totals.Tax,
                Total = totals.Total,
                Currency = totals.Currency,
            }
            : null,
        AuthorizationId = order.AuthorizationId,
        ConfirmedAt = order.ConfirmedAt?.UtcDateTime,
        Shipment = order.Shipment is { } shipment
            ? new ShipmentDocument { Carrier = shipment.Carrier, TrackingNumber = shipment.TrackingNumber }
            : null,
        Idempotency = order.Idempotency is { } idempotency
            ? new IdempotencyDocument { Key = idempotency.Key, RequestFingerprint = idempotency.RequestFingerprint }
            : null,
        TraceId = order.TraceId,
    };

    public static Order ToDomain(OrderDocument document) => new()
    {
        Id = document.Id,
        CustomerId = document.CustomerId,
        Lines = [.. document.Lines.Select(line => new OrderLine(line.Sku, line.Quantity, line.UnitPrice, line.LineTotal))],
        PaymentToken = document.PaymentToken,
        ShipTo = new ShipTo(document.ShipTo.Country, document.ShipTo.Name, document.ShipTo.Line1, document.ShipTo.City, document.ShipTo.PostalCode),
        AcceptedAt = Instant(document.AcceptedAt),
        Status = document.Status,
        Timeline = [.. document.Timeline.Select(entry => new TimelineEntry(entry.Status, Instant(entry.At), entry.Reason))],
        UpdatedAt = Instant(document.UpdatedAt),
        Version = document.Version,
        Reason = document.Reason,
        ReasonDetail = document.ReasonDetail,
        Totals = document.Totals is { } totals
            ? new OrderTotals(totals.Subtotal, totals.Discount, totals.Tax, totals.Total, totals.Currency)
            : null,
        AuthorizationId = document.AuthorizationId,
        ConfirmedAt = document.ConfirmedAt is { } confirmedAt ? Instant(confirmedAt) : null,
        Shipment = document.Shipment is { } shipment ? new Shipment(shipment.Carrier, shipment.TrackingNumber) : null,
        Idempotency = document.Idempotency is { } idempotency
            ? new IdempotencyRecord(idempotency.Key, idempotency.RequestFingerprint)
            : null,
        TraceId = document.TraceId,
    };

    public static Product ToDomain(ProductDocument document) => new(
        document.Sku,
        document.Name,
        document.UnitPrice,
        document.Active,
        document.OnHand,
        document.Reserved,
        document.ReorderPoint,
        document.BelowReorderPoint,
        document.Version);

    private static DateTimeOffset Instant(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
