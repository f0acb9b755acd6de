using Backend.Domain.Orders;

namespace Backend.Store.Tests;

public abstract partial class StoreContractTests
{
    private static readonly Guid LowId = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid HighId = Guid.Parse("f0000000-0000-0000-0000-000000000001");

    [Fact]
    public async Task List_returns_newest_first_with_ties_broken_by_id()
    {
        var older = TestOrders.Accepted(at: TestOrders.T0);
        var tieHigh = TestOrders.Accepted(at: TestOrders.T0.AddMinutes(5), id: HighId);
        var tieLow = TestOrders.Accepted(at: TestOrders.T0.AddMinutes(5), id: LowId);
        var newest = TestOrders.Accepted(at: TestOrders.T0.AddMinutes(10));
        foreach (var order in new[] { older, tieHigh, newest, tieLow })
        {
            await Orders.TryAddAsync(order, Cancellation);
        }

        var page = await Orders.ListAsync(new OrderQuery(), Cancellation);

        page.Items.Select(order => order.Id).ShouldBe([newest.Id, LowId, HighId, older.Id]);
        page.TotalCount.ShouldBe(4);
    }

    [Fact]
    public async Task List_pages_cover_every_order_once_when_paging_through()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            var order = TestOrders.Accepted(at: TestOrders.T0.AddMinutes(i % 3));
            ids.Add(order.Id);
            await Orders.TryAddAsync(order, Cancellation);
        }

        var pages = new List<OrderPage>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await Orders.ListAsync(new OrderQuery(Page: page, PageSize: 3), Cancellation));
        }

        pages.Select(page => page.Items.Count).ShouldBe([3, 3, 1]);
        pages.ShouldAllBe(page => page.TotalCount == 7 && page.PageSize == 3);
        pages.SelectMany(page => page.Items).Select(order => order.Id).ShouldBe(ids, ignoreOrder: true);
        (await Orders.ListAsync(new OrderQuery(Page: 4, PageSize: 3), Cancellation)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task List_after_a_cursor_covers_every_order_once_in_listing_order_with_next_on_every_page_but_the_last()
    {
        var stored = new List<Order>();
        for (var i = 0; i < 8; i++)
        {
            // Three instants for eight orders: most pages end inside a tie, which the id must break.
            var order = TestOrders.Accepted(at: TestOrders.T0.AddMinutes(i % 3));
            stored.Add(order);
            await Orders.TryAddAsync(order, Cancellation);
        }

        var expected = (await Orders.ListAsync(new OrderQuery(PageSize: 100), Cancellation)).Items.Select(order => order.Id).ToList();
        var seen = new List<Guid>();
        var pages = new List<OrderPage>();
        OrderCursor? after = null;
        do
        {
            var page = await Orders.ListAsync(new OrderQuery(PageSize: 3, After: after, CountTotal: false), Cancellation);
            pages.Add(page);
            seen.AddRange(page.Items.Select(order => order.Id));
            after = page.Next;
        }
        while (after is not null);

        seen.ShouldBe(expected);
        expected.ShouldBe(stored.Select(order => order.Id), ignoreOrder: true);
        pages.Select(page => page.Items.Count).ShouldBe([3, 3, 2]);
        pages.ShouldAllBe(page => page.TotalCount == null);
        pages[^1].Next.ShouldBeNull();
    }

    [Fact]
    public async Task List_after_a_cursor_keeps_the_filter_and_has_no_next_when_the_page_is_exactly_full()
    {
        var mine = new List<Order>();
        for (var i = 0; i < 4; i++)
        {
            var order = TestOrders.Accepted("customer-1", TestOrders.T0.AddMinutes(i));
            mine.Add(order);
            await Orders.TryAddAsync(order, Cancellation);
            await Orders.TryAddAsync(TestOrders.Accepted("customer-2", TestOrders.T0.AddMinutes(i)), Cancellation);
        }

        var first = await Orders.ListAsync(new OrderQuery("customer-1", PageSize: 2), Cancellation);
        var second = await Orders.ListAsync(new OrderQuery("customer-1", PageSize: 2, After: first.Next), Cancellation);

        first.Items.Select(order => order.Id).ShouldBe([mine[3].Id, mine[2].Id]);
        first.Next.ShouldBe(OrderCursor.Of(mine[2]));
        second.Items.Select(order => order.Id).ShouldBe([mine[1].Id, mine[0].Id]);
        second.Next.ShouldBeNull();
    }

    [Fact]
    public async Task FindStamp_returns_owner_status_and_version_of_the_stored_order_and_null_for_none()
    {
        var order = TestOrders.Accepted("customer-1", TestOrders.T0);
        await Orders.TryAddAsync(order, Cancellation);
        await Orders.TryUpdateAsync(order.Cancel("customer-1", TestOrders.T0.AddMinutes(1)), 1, Cancellation);

        var stored = await Orders.FindAsync(order.Id, Cancellation);
        (await Orders.FindStampAsync(order.Id, Cancellation)).ShouldBe(new OrderStamp("customer-1", stored!.Status, stored.Version));
        (await Orders.FindStampAsync(Guid.NewGuid(), Cancellation)).ShouldBeNull();
    }

    [Fact]
    public async Task List_returns_only_matches_when_filtered_by_customer_status_and_accepted_range()
    {
        var match = TestOrders.Accepted("customer-1", TestOrders.T0.AddHours(1));
        await Orders.TryAddAsync(match, Cancellation);
        await Orders.TryAddAsync(TestOrders.Accepted("customer-2", TestOrders.T0.AddHours(1)), Cancellation);
        await Orders.TryAddAsync(TestOrders.Accepted("customer-1", TestOrders.T0), Cancellation);
        await Orders.TryAddAsync(TestOrders.Accepted("customer-1", TestOrders.T0.AddHours(2)), Cancellation);
        var cancelled = TestOrders.Accepted("customer-1", TestOrders.T0.AddHours(1));
        await Orders.TryAddAsync(cancelled, Cancellation);
        await Orders.TryUpdateAsync(cancelled.Cancel("customer-1", TestOrders.T0.AddHours(1)), 1, Cancellation);

        var page = await Orders.ListAsync(
            new OrderQuery("customer-1", OrderStatus.Accepted, TestOrders.T0.AddMinutes(30), TestOrders.T0.AddHours(2)), Cancellation);

        page.Items.Select(order => order.Id).ShouldBe([match.Id]);
        page.TotalCount.ShouldBe(1);
        (await Orders.ListAsync(new OrderQuery(Status: OrderStatus.Cancelled), Cancellation)).Items.Single().Id.ShouldBe(cancelled.Id);
    }

    [Fact]
    public async Task FindStale_returns_old_orders_in_the_statuses_oldest_first()
    {
        var stale = TestOrders.Accepted(at: TestOrders.T0.AddMinutes(1));
        var staler = TestOrders.Accepted(at: TestOrders.T0);
        var fresh = TestOrders.Accepted(at: TestOrders.T0.AddMinutes(20));
        var staleButReserved = TestOrders.Accepted(at: TestOrders.T0);
        foreach (var order in new[] { stale, staler, fresh, staleButReserved })
        {
            await Orders.TryAddAsync(order, Cancellation);
        }

        await Orders.TryUpdateAsync(staleButReserved.Reserve(TestOrders.Quote(staleButReserved), TestOrders.T0.AddMinutes(2)), 1, Cancellation);

        var found = await Orders.FindStaleAsync([OrderStatus.Accepted], TestOrders.T0.AddMinutes(10), 10, Cancellation);
        found.Select(order => order.Id).ShouldBe([staler.Id, stale.Id]);
        (await Orders.FindStaleAsync([OrderStatus.Accepted, OrderStatus.Reserved], TestOrders.T0.AddMinutes(10), 2, Cancellation))
            .Select(order => order.Id).ShouldBe([staler.Id, stale.Id]);
        (await Orders.FindStaleAsync([OrderStatus.Reserved], TestOrders.T0.AddMinutes(10), 10, Cancellation))
            .Select(order => order.Id).ShouldBe([staleButReserved.Id]);
    }

    [Fact]
    public async Task FindAcceptedBefore_returns_orders_in_the_statuses_accepted_before_the_cutoff_oldest_first()
    {
        var early = TestOrders.Accepted(at: TestOrders.T0);
        var later = TestOrders.Accepted(at: TestOrders.T0.AddMinutes(5));
        var tooLate = TestOrders.Accepted(at: TestOrders.T0.AddMinutes(15));
        var earlyReserved = TestOrders.Accepted(at: TestOrders.T0);
        foreach (var order in new[] { later, tooLate, early, earlyReserved })
        {
            await Orders.TryAddAsync(order, Cancellation);
        }

        // Updated long after acceptance: the cutoff is on acceptance, not on the last change.
        await Orders.TryUpdateAsync(earlyReserved.Reserve(TestOrders.Quote(earlyReserved), TestOrders.T0.AddHours(1)), 1, Cancellation);

        (await Orders.FindAcceptedBeforeAsync([OrderStatus.Accepted], TestOrders.T0.AddMinutes(15), 10, Cancellation))
            .Select(order => order.Id).ShouldBe([early.Id, later.Id]);
        (await Orders.FindAcceptedBeforeAsync([OrderStatus.Reserved], TestOrders.T0.AddMinutes(15), 10, Cancellation))
            .Select(order => order.Id).ShouldBe([earlyReserved.Id]);
        (await Orders.FindAcceptedBeforeAsync([OrderStatus.Accepted], TestOrders.T0.AddMinutes(15), 1, Cancellation))
            .Select(order => order.Id).ShouldBe([early.Id]);
    }

    [Fact]
    public async Task FindConfirmedBetween_returns_orders_confirmed_in_the_half_open_range_whatever_their_status_now()
    {
        var day = new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var atStart = TestOrders.Confirmed(day.AddHours(-1), day);
        var shipped = TestOrders.Confirmed(day.AddHours(1), day.AddHours(2));
        var atEnd = TestOrders.Confirmed(day.AddHours(20), day.AddDays(1));
        var before = TestOrders.Confirmed(day.AddHours(-2), day.AddTicks(-TimeSpan.TicksPerMillisecond));
        foreach (var order in new[] { shipped, atEnd, before, atStart })
        {
            await Orders.TryAddAsync(order, Cancellation);
        }

        await Orders.TryUpdateAsync(shipped.Ship(new Shipment("UPS", "1Z"), day.AddHours(3)), shipped.Version, Cancellation);
        await Orders.TryAddAsync(TestOrders.Accepted(at: day.AddHours(1)), Cancellation);

        var found = await Orders.FindConfirmedBetweenAsync(day, day.AddDays(1), Cancellation);

        found.Select(order => order.Id).ShouldBe([atStart.Id, shipped.Id]);
        found[1].Status.ShouldBe(OrderStatus.Shipped);
        found[1].Shipment.ShouldBe(new Shipment("UPS", "1Z"));
    }
}
