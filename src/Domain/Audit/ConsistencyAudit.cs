using Backend.Domain.Catalog;
using Backend.Domain.Orders;
using Backend.Domain.Payments;

namespace Backend.Domain.Audit;

/// <summary>One broken invariant, with the ids (SKUs or order ids) an operator needs to look at.</summary>
public sealed record AuditViolation(string Rule, string Detail, IReadOnlyList<string> Ids);

/// <summary>What the audit looked at, and every violation it found; empty violations mean the store is consistent.</summary>
public sealed record AuditReport(
    DateTimeOffset CheckedAt, int Products, int OpenOrders, int HeldReservations, int OrdersChecked, IReadOnlyList<AuditViolation> Violations);

/// <summary>What the audit reads from the stores.</summary>
/// <param name="CheckedAt">When the snapshot was read.</param>
/// <param name="Products">Every product's counters and running totals.</param>
/// <param name="Held">Every reservation still held.</param>
/// <param name="OpenOrders">Every order in Reserved or Confirmed: those must hold exactly their lines.</param>
/// <param name="SettlementOverdue">Final orders marked unsettled for longer than the settlement sweep needs.</param>
/// <param name="InProgressOverdue">Orders still in Accepted or Reserved longer than expiry plus one sweep.</param>
/// <param name="Payments">The payment ledger's records of the open orders.</param>
public sealed record AuditInput(
    DateTimeOffset CheckedAt,
    IReadOnlyList<StockCounters> Products,
    IReadOnlyList<HeldReservation> Held,
    IReadOnlyList<Order> OpenOrders,
    IReadOnlyList<Order> SettlementOverdue,
    IReadOnlyList<Order> InProgressOverdue,
    IReadOnlyList<PaymentRecord> Payments);

/// <summary>
/// The stock and order invariants the whole system promises, checked over a snapshot of the stores: nothing is held
/// that no open order needs, nothing an open order needs is missing, every counter agrees with its running totals,
/// and no order is stuck past the windows the jobs guarantee.
/// </summary>
public static class ConsistencyAudit
{
    public const string ReservedMismatch = nameof(ReservedMismatch);
    public const string OnHandMismatch = nameof(OnHandMismatch);
    public const string HeldWithoutOpenOrder = nameof(HeldWithoutOpenOrder);
    public const string OpenOrderNotHeld = nameof(OpenOrderNotHeld);
    public const string SettlementOverdue = nameof(SettlementOverdue);
    public const string InProgressOverdue = nameof(InProgressOverdue);
    public const string AuthorizationMismatch = nameof(AuthorizationMismatch);

    public static AuditReport Run(AuditInput input)
    {
        var violations = new List<AuditViolation>();
        var heldBySku = input.Held.GroupBy(held => held.Sku).ToDictionary(group => group.Key, group => group.Sum(held => held.Quantity));

        foreach (var product in input.Products)
        {
            var held = heldBySku.GetValueOrDefault(product.Sku);
            if (product.Reserved != held)
            {
                violations.Add(new(ReservedMismatch, $"{product.Sku}: reserved is {product.Reserved}, its held reservations add up to {held}.", [product.Sku]));
            }

            var expectedOnHand = product.ReceivedTotal - product.ShippedTotal;
            if (product.OnHand != expectedOnHand)
            {
                violations.Add(new(OnHandMismatch,
                    $"{product.Sku}: on-hand is {product.OnHand}, received {product.ReceivedTotal} less shipped {product.ShippedTotal} is {expectedOnHand}.",
                    [product.Sku]));
            }
        }

        var needed = input.OpenOrders
            .SelectMany(order => order.Lines.GroupBy(line => line.Sku).Select(group => (order.Id, Sku: group.Key, Quantity: group.Sum(line => line.Quantity))))
            .ToDictionary(line => (line.Id, line.Sku), line => line.Quantity);
        var heldByLine = input.Held.ToDictionary(held => (held.OrderId, held.Sku), held => held.Quantity);

        var unneeded = heldByLine.Where(pair => needed.GetValueOrDefault(pair.Key) != pair.Value).Select(pair => pair.Key).ToList();
        if (unneeded.Count > 0)
        {
            violations.Add(new(HeldWithoutOpenOrder,
                $"{unneeded.Count} reservations are held for orders that are not Reserved or Confirmed, or for other quantities.",
                [.. unneeded.Select(key => $"{key.OrderId}/{key.Sku}")]));
        }

        var missing = needed.Where(pair => heldByLine.GetValueOrDefault(pair.Key) != pair.Value).Select(pair => pair.Key).ToList();
        if (missing.Count > 0)
        {
            violations.Add(new(OpenOrderNotHeld,
                $"{missing.Count} lines of Reserved or Confirmed orders hold no stock, or another quantity.",
                [.. missing.Select(key => $"{key.Item1}/{key.Sku}")]));
        }

        // The ledger keeps one authorization per order (its key is the order id); a confirmed order must carry that
        // one, approved and neither voided nor captured. Another id means a second authorization reached the order.
        var payments = input.Payments.ToDictionary(payment => payment.OrderId);
        var mismatched = input.OpenOrders
            .Where(order => order.Status == OrderStatus.Confirmed)
            .Where(order => payments.GetValueOrDefault(order.Id) is not
            {
                Authorization: { Approved: true } authorization, Settlement: PaymentSettlement.None,
            } || authorization.AuthorizationId != order.AuthorizationId)
            .ToList();
        AddOrders(violations, AuthorizationMismatch, mismatched, "confirmed orders do not carry the one open authorization the ledger holds for them");

        AddOrders(violations, SettlementOverdue, input.SettlementOverdue, "final orders are still marked unsettled past the settlement window");
        AddOrders(violations, InProgressOverdue, input.InProgressOverdue, "orders are still in progress past the expiry window");

        return new AuditReport(
            input.CheckedAt,
            input.Products.Count,
            input.OpenOrders.Count,
            input.Held.Count,
            input.OpenOrders.Count + input.SettlementOverdue.Count + input.InProgressOverdue.Count,
            violations);
    }

    private static void AddOrders(List<AuditViolation> violations, string rule, IReadOnlyList<Order> orders, string what)
    {
        if (orders.Count > 0)
        {
            violations.Add(new(rule, $"{orders.Count} {what}.", [.. orders.Select(order => order.Id.ToString())]));
        }
    }
}
