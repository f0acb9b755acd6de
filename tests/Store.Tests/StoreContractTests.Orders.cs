using Backend.Domain.Orders;

namespace Backend.Store.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Order_is_found_with_every_field_when_added()
    {
        var order = TestOrders.Accepted(idempotencyKey: "key-1");

        (await Orders.TryAddAsync(order, Cancellation)).ShouldBe(AddOrderOutcome.Added);

        var found = await Orders.FindAsync(order.Id, Cancellation);
        found.ShouldNotBeNull();
        found.CustomerId.ShouldBe(order.CustomerId);
        found.Status.ShouldBe(OrderStatus.Accepted);
        found.Version.ShouldBe(1);
        found.AcceptedAt.ShouldBe(order.AcceptedAt);
        found.UpdatedAt.ShouldBe(order.UpdatedAt);
        found.Lines.ShouldBe(order.Lines);
        found.ShipTo.ShouldBe(order.ShipTo);
        found.Timeline.ShouldBe(order.Timeline);
        found.PaymentToken.ShouldBe(order.PaymentToken);
        found.Idempotency.ShouldBe(order.Idempotency);
        found.TraceId.ShouldBe(order.TraceId);
        found.Totals.ShouldBeNull();
        found.ConfirmedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Find_returns_null_when_id_is_unknown() =>
        (await Orders.FindAsync(Guid.NewGuid(), Cancellation)).ShouldBeNull();

    [Fact]
    public async Task DuplicateId_when_an_order_with_that_id_exists()
    {
        var order = TestOrders.Accepted(idempotencyKey: "key-1");
        await Orders.TryAddAsync(order, Cancellation);

        (await Orders.TryAddAsync(order, Cancellation)).ShouldBe(AddOrderOutcome.DuplicateId);
        (await Orders.TryAddAsync(order with { Idempotency = null }, Cancellation)).ShouldBe(AddOrderOutcome.DuplicateId);
    }

    [Fact]
    public async Task DuplicateIdempotencyKey_when_the_customer_reuses_a_key()
    {
        await Orders.TryAddAsync(TestOrders.Accepted(idempotencyKey: "key-1"), Cancellation);

        var second = TestOrders.Accepted(idempotencyKey: "key-1");
        (await Orders.TryAddAsync(second, Cancellation)).ShouldBe(AddOrderOutcome.DuplicateIdempotencyKey);
        (await Orders.FindAsync(second.Id, Cancellation)).ShouldBeNull();
    }

    [Fact]
    public async Task Added_when_another_customer_uses_the_same_key_or_orders_have_no_key()
    {
        (await Orders.TryAddAsync(TestOrders.Accepted("customer-1", idempotencyKey: "key-1"), Cancellation)).ShouldBe(AddOrderOutcome.Added);
        (await Orders.TryAddAsync(TestOrders.Accepted("customer-2", idempotencyKey: "key-1"), Cancellation)).ShouldBe(AddOrderOutcome.Added);
        (await Orders.TryAddAsync(TestOrders.Accepted("customer-1"), Cancellation)).ShouldBe(AddOrderOutcome.Added);
        (await Orders.TryAddAsync(TestOrders.Accepted("customer-1"), Cancellation)).ShouldBe(AddOrderOutcome.Added);
    }

    [Fact]
    public async Task Order_is_found_by_idempotency_key_only_for_its_customer()
    {
        var order = TestOrders.Accepted("customer-1", idempotencyKey: "key-1");
        await Orders.TryAddAsync(order, Cancellation);

        (await Orders.FindByIdempotencyKeyAsync("customer-1", "key-1", Cancellation))!.Id.ShouldBe(order.Id);
        (await Orders.FindByIdempotencyKeyAsync("customer-2", "key-1", Cancellation)).ShouldBeNull();
        (await Orders.FindByIdempotencyKeyAsync("customer-1", "key-2", Cancellation)).ShouldBeNull();
    }

    [Fact]
    public async Task Update_succeeds_once_and_fails_when_the_version_is_stale()
    {
        var order = TestOrders.Accepted();
        await Orders.TryAddAsync(order, Cancellation);
        var reserved = order.Reserve(TestOrders.Quote(order), TestOrders.T0.AddMinutes(1));

        (await Orders.TryUpdateAsync(reserved, order.Version, Cancellation)).ShouldBeTrue();
        (await Orders.TryUpdateAsync(order.Reject("OutOfStock", "SKU-1", TestOrders.T0.AddMinutes(1)), order.Version, Cancellation))
            .ShouldBeFalse();

        var found = await Orders.FindAsync(order.Id, Cancellation);
        found!.Status.ShouldBe(OrderStatus.Reserved);
        found.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Update_fails_when_the_order_does_not_exist() =>
        (await Orders.TryUpdateAsync(TestOrders.Accepted(), 1, Cancellation)).ShouldBeFalse();

    [Fact]
    public async Task Prices_and_totals_round_trip_exactly_when_the_order_is_priced()
    {
        var order = TestOrders.Accepted();
        await Orders.TryAddAsync(order, Cancellation);
        var confirmed = order.Reserve(TestOrders.Quote(order), TestOrders.T0.AddMinutes(1)).Confirm("auth-1", TestOrders.T0.AddMinutes(2));
        await Orders.TryUpdateAsync(confirmed, order.Version, Cancellation);

        var found = await Orders.FindAsync(order.Id, Cancellation);

        found!.Lines.Select(line => (line.UnitPrice, line.LineTotal)).ShouldBe([(19.99m, 39.98m), (19.99m, 19.99m)]);
        found.Totals.ShouldBe(new OrderTotals(59.97m, 0.00m, 4.80m, 64.77m, "USD"));
        found.AuthorizationId.ShouldBe("auth-1");
        found.ConfirmedAt.ShouldBe(TestOrders.T0.AddMinutes(2));
        found.Timeline.Select(entry => entry.Status).ShouldBe([OrderStatus.Accepted, OrderStatus.Reserved, OrderStatus.Confirmed]);
    }

    [Fact]
    public async Task Only_one_writer_wins_when_updates_of_the_same_version_race()
    {
        var order = TestOrders.Accepted();
        await Orders.TryAddAsync(order, Cancellation);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            Orders.TryUpdateAsync(order.Cancel($"writer-{i}", TestOrders.T0.AddMinutes(1)), order.Version, Cancellation), Cancellation)));

        results.Count(won => won).ShouldBe(1);
        (await Orders.FindAsync(order.Id, Cancellation))!.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Ping_returns_true_when_the_store_answers() =>
        (await Orders.PingAsync(Cancellation)).ShouldBeTrue();
}
