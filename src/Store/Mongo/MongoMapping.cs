using Backend.Domain.Catalog;
using Backend.Domain.Orders;

namespace Backend.Store.Mongo;

internal static class MongoMapping
{
    /// <summary>
    /// A BSON date for <paramref name="value"/> at store precision: stored values and query bounds both go through
    /// here, so they compare exactly as the SQLite adapter compares them.
    /// </summary>
    public static DateTime Date(DateTimeOffset value) => StoredInstant.Of(value).UtcDateTime;

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
        AcceptedAt = Date(order.AcceptedAt),
        Status = order.Status,
        Timeline = [.. order.Timeline.Select(entry => new TimelineEntryDocument
        {
            Status = entry.Status, At = Date(entry.At), Reason = entry.Reason,
        })],
        UpdatedAt = Date(order.UpdatedAt),
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
        ConfirmedAt = order.ConfirmedAt is { } confirmedAt ? Date(confirmedAt) : null,
        Shipment = order.Shipment is { } shipment ? ToDocument(shipment) : null,
        Idempotency = order.Idempotency is { } idempotency
            ? new IdempotencyDocument { Key = idempotency.Key, RequestFingerprint = idempotency.RequestFingerprint }
            : null,
        TraceId = order.TraceId,
        SettlementPending = order.SettlementPending,
        CancelRequest = order.CancelRequest is { } cancel
            ? new CancelRequestDocument { RequestedBy = cancel.RequestedBy, At = Date(cancel.At) }
            : null,
        ShipmentRequest = order.ShipmentRequest is { } request
            ? new ShipmentRequestDocument { Shipment = ToDocument(request.Shipment), At = Date(request.At) }
            : null,
        Conflicts = [.. order.Conflicts.Select(conflict => new ShipmentConflictDocument
        {
            Shipment = ToDocument(conflict.Shipment), Status = conflict.Status, At = Date(conflict.At), UnitsShort = conflict.UnitsShort,
        })],
        RequestAt = order.PendingRequestSince is { } since ? Date(since) : null,
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
        Shipment = document.Shipment is { } shipment ? ToDomain(shipment) : null,
        Idempotency = document.Idempotency is { } idempotency
            ? new IdempotencyRecord(idempotency.Key, idempotency.RequestFingerprint)
            : null,
        TraceId = document.TraceId,
        SettlementPending = document.SettlementPending,
        CancelRequest = document.CancelRequest is { } cancel ? new CancelRequest(cancel.RequestedBy, Instant(cancel.At)) : null,
        ShipmentRequest = document.ShipmentRequest is { } request
            ? new ShipmentRequest(ToDomain(request.Shipment), Instant(request.At))
            : null,
        Conflicts = [.. document.Conflicts.Select(conflict =>
            new ShipmentConflict(ToDomain(conflict.Shipment), conflict.Status, Instant(conflict.At), conflict.UnitsShort))],
    };

    private static ShipmentDocument ToDocument(Shipment shipment) =>
        new() { Carrier = shipment.Carrier, TrackingNumber = shipment.TrackingNumber };

    private static Shipment ToDomain(ShipmentDocument document) => new(document.Carrier, document.TrackingNumber);

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

    public static DateTimeOffset Instant(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
