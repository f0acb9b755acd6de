using Backend.Domain.Audit;
using Backend.Domain.Catalog;
using Backend.Domain.Orders;
using Backend.Domain.Payments;
using Backend.Domain.Pricing;

namespace Backend.Domain.Tests.Audit;

public sealed class ConsistencyAuditTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static Order Confirmed(params (string Sku, int Quantity)[] lines)
    {
        var orderLines = lines.Select(line => new OrderLine(line.Sku, line.Quantity)).ToList();
        var priced = orderLines.Select(line => line with { UnitPrice = 1m, LineTotal = line.Quantity }).ToList();
        return Order.Accept(Guid.NewGuid(), "customer-1", orderLines, "tok_ok", new ShipTo("US"), T0)
            .Reserve(new PriceQuote(priced, new OrderTotals(1m, 0m, 0m, 1m, "USD")), T0)
            .Confirm("auth-1", T0);
    }

    // Unless a test says otherwise, the ledger holds exactly the authorization each open order carries.
    private static AuditInput Input(
        IReadOnlyList<StockCounters> products, IReadOnlyList<HeldReservation> held, IReadOnlyList<Order> open,
        IReadOnlyList<Order>? settlementOverdue = null, IReadOnlyList<Order>? inProgressOverdue = null,
        IReadOnlyList<PaymentRecord>? payments = null) =>
        new(T0, products, held, open, settlementOverdue ?? [], inProgressOverdue ?? [],
            payments ?? [.. open.Select(order => Approved(order.Id, order.AuthorizationId!))]);

    private static PaymentRecord Approved(Guid orderId, string authorizationId, PaymentSettlement settlement = PaymentSettlement.None) =>
        new(orderId, 1, AuthorizationResult.Approve(authorizationId), settlement);

    [Fact]
    public void No_violation_when_counters_holds_and_orders_agree()
    {
        var order = Confirmed(("A", 2), ("B", 1), ("A", 1));

        var report = ConsistencyAudit.Run(Input(
            [new StockCounters("A", 7, 3, 10, 3), new StockCounters("B", 5, 1, 5, 0)],
            [new HeldReservation(order.Id, "A", 3), new HeldReservation(order.Id, "B", 1)],
            [order]));

        report.Violations.ShouldBeEmpty();
        report.ShouldSatisfyAllConditions(r => r.Products.ShouldBe(2), r => r.OpenOrders.ShouldBe(1), r => r.HeldReservations.ShouldBe(2));
    }

    [Fact]
    public void Reserved_and_on_hand_that_disagree_with_their_sources_are_named_by_sku()
    {
        var report = ConsistencyAudit.Run(Input([new StockCounters("A", 8, 1, 10, 3), new StockCounters("B", 5, 0, 5, 0)], [], []));

        report.Violations.Select(violation => (violation.Rule, violation.Ids.Single(), violation.Detail)).ShouldBe(
        [
            (ConsistencyAudit.ReservedMismatch, "A", "A: reserved is 1, its held reservations add up to 0."),
            (ConsistencyAudit.OnHandMismatch, "A", "A: on-hand is 8, received 10 less shipped 3 is 7."),
        ]);
    }

    [Fact]
    public void Reserved_is_the_sum_of_every_order_holding_the_sku()
    {
        var first = Confirmed(("A", 2));
        var second = Confirmed(("A", 3));

        var report = ConsistencyAudit.Run(Input(
            [new StockCounters("A", 10, 5, 10, 0)],
            [new HeldReservation(first.Id, "A", 2), new HeldReservation(second.Id, "A", 3)],
            [first, second]));

        report.Violations.ShouldBeEmpty();
    }

    [Fact]
    public void Stock_held_for_no_open_order_and_open_orders_holding_nothing_are_named_by_order_and_sku()
    {
        var holds = Confirmed(("A", 2));
        var short_ = Confirmed(("A", 1));
        var stray = Guid.NewGuid();

        var report = ConsistencyAudit.Run(Input(
            [new StockCounters("A", 10, 4, 10, 0)],
            [new HeldReservation(holds.Id, "A", 1), new HeldReservation(stray, "A", 3)],
            [holds, short_]));

        var unneeded = report.Violations.Single(violation => violation.Rule == ConsistencyAudit.HeldWithoutOpenOrder);
        unneeded.Ids.ShouldBe([$"{holds.Id}/A", $"{stray}/A"], ignoreOrder: true);
        unneeded.Detail.ShouldBe("2 reservations are held for orders that are not Reserved or Confirmed, or for other quantities.");
        var missing = report.Violations.Single(violation => violation.Rule == ConsistencyAudit.OpenOrderNotHeld);
        missing.Ids.ShouldBe([$"{holds.Id}/A", $"{short_.Id}/A"], ignoreOrder: true);
        missing.Detail.ShouldBe("2 lines of Reserved or Confirmed orders hold no stock, or another quantity.");
    }

    [Fact]
    public void Orders_past_their_windows_are_listed_by_id()
    {
        var unsettled = Confirmed(("A", 1)).Cancel("operator", T0);
        var stuck = Order.Accept(Guid.NewGuid(), "customer-1", [new OrderLine("A", 1)], "tok_ok", new ShipTo("US"), T0);

        var report = ConsistencyAudit.Run(Input([], [], [], [unsettled], [stuck]));

        report.Violations.Select(violation => (violation.Rule, violation.Ids.Single(), violation.Detail)).ShouldBe(
        [
            (ConsistencyAudit.SettlementOverdue, unsettled.Id.ToString(), "1 final orders are still marked unsettled past the settlement window."),
            (ConsistencyAudit.InProgressOverdue, stuck.Id.ToString(), "1 orders are still in progress past the expiry window."),
        ]);
        report.OrdersChecked.ShouldBe(2);
    }

    [Fact]
    public void Confirmed_orders_without_the_one_open_authorization_of_the_ledger_are_listed_by_id()
    {
        var matching = Confirmed(("A", 1));
        var secondAuthorization = Confirmed(("A", 1));
        var voided = Confirmed(("A", 1));
        var missing = Confirmed(("A", 1));
        var declined = Confirmed(("A", 1));

        var report = ConsistencyAudit.Run(Input(
            [new StockCounters("A", 10, 5, 10, 0)],
            [.. new[] { matching, secondAuthorization, voided, missing, declined }.Select(order => new HeldReservation(order.Id, "A", 1))],
            [matching, secondAuthorization, voided, missing, declined],
            payments:
            [
                Approved(matching.Id, "auth-1"),
                Approved(secondAuthorization.Id, "auth-2"),
                Approved(voided.Id, "auth-1", PaymentSettlement.Voided),
                new PaymentRecord(declined.Id, 1, AuthorizationResult.Decline(RejectionReason.PaymentDeclined), PaymentSettlement.None),
            ]));

        report.Violations.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            violation => violation.Rule.ShouldBe(ConsistencyAudit.AuthorizationMismatch),
            violation => violation.Ids.ShouldBe(
                [secondAuthorization.Id.ToString(), voided.Id.ToString(), missing.Id.ToString(), declined.Id.ToString()], ignoreOrder: true));
    }
}
