using Backend.Contracts.Orders;
using Backend.Domain.Orders;
using Backend.Fulfilment.Tests.Infrastructure;

namespace Backend.Fulfilment.Tests.Orders;

public sealed class SubmitOrderRejectionTests
{
    [Fact]
    public async Task Rejected_as_UnknownSku_naming_the_sku_when_a_product_does_not_exist()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);

        var rejected = await SubmitAndRejectAsync(fixture, [new OrderLineItem("LAMP", 1), new OrderLineItem("GHOST", 1)]);

        rejected.Reason.ShouldBe(RejectionReason.UnknownSku);
        rejected.Detail.ShouldBe("GHOST");
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(0);
    }

    [Fact]
    public async Task Rejected_as_ProductInactive_when_a_product_is_inactive()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("OLD", onHand: 10, active: false);

        var rejected = await SubmitAndRejectAsync(fixture, [new OrderLineItem("OLD", 1)]);

        rejected.Reason.ShouldBe(RejectionReason.ProductInactive);
        rejected.Detail.ShouldBe("OLD");
        (await fixture.ProductAsync("OLD")).Reserved.ShouldBe(0);
    }

    [Fact]
    public async Task Rejected_as_OutOfStock_reserving_no_line_when_one_line_is_short()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("PLENTY", onHand: 10);
        await fixture.SeedProductAsync("SCARCE", onHand: 3);

        var rejected = await SubmitAndRejectAsync(fixture, [new OrderLineItem("PLENTY", 2), new OrderLineItem("SCARCE", 4)]);

        rejected.Reason.ShouldBe(RejectionReason.OutOfStock);
        rejected.Detail.ShouldBe("SCARCE");
        (await fixture.ProductAsync("PLENTY")).Reserved.ShouldBe(0);
        (await fixture.ProductAsync("SCARCE")).Reserved.ShouldBe(0);
    }

    [Fact]
    public async Task Rejected_as_OutOfStock_when_repeated_lines_of_one_sku_together_exceed_stock()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 5);

        var rejected = await SubmitAndRejectAsync(fixture, [new OrderLineItem("LAMP", 3), new OrderLineItem("LAMP", 3)]);

        rejected.Reason.ShouldBe(RejectionReason.OutOfStock);
        rejected.Detail.ShouldBe("LAMP");
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(0);
    }

    [Fact]
    public async Task Rejected_as_PaymentDeclined_and_stock_released_when_the_card_is_declined()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);

        var rejected = await SubmitAndRejectAsync(fixture, [new OrderLineItem("LAMP", 4)], token: "tok_decline");

        rejected.Reason.ShouldBe(RejectionReason.PaymentDeclined);
        var product = await fixture.ProductAsync("LAMP");
        product.Reserved.ShouldBe(0);
        product.OnHand.ShouldBe(10);
    }

    [Fact]
    public async Task Rejected_as_LimitExceeded_and_stock_released_when_total_is_above_the_customer_limit()
    {
        await using var fixture = await FulfilmentHarness.StartAsync(
            new Dictionary<string, string?> { [$"Payments:CustomerLimits:{Messages.Customer}"] = "100.00" });
        await fixture.SeedProductAsync("LAMP", unitPrice: 100.01m, onHand: 10);

        var rejected = await SubmitAndRejectAsync(fixture, [new OrderLineItem("LAMP", 1)]);

        rejected.Reason.ShouldBe(RejectionReason.LimitExceeded);
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(0);
    }

    [Fact]
    public async Task Confirmed_when_total_equals_the_default_limit()
    {
        await using var fixture = await FulfilmentHarness.StartAsync(
            new Dictionary<string, string?> { ["Payments:DefaultCustomerLimit"] = "100.00" });
        await fixture.SeedProductAsync("LAMP", unitPrice: 50.00m, onHand: 10);
        var submit = Messages.Submit("LAMP", 2);

        await fixture.Harness.Bus.Publish(submit);

        var confirmed = await fixture.Harness.PublishedAsync<OrderConfirmed>(message => message.OrderId == submit.OrderId);
        confirmed.Total.ShouldBe(100.00m);
    }

    private static async Task<OrderRejected> SubmitAndRejectAsync(
        FulfilmentHarness fixture, IReadOnlyList<OrderLineItem> lines, string token = Messages.ApprovingToken)
    {
        var submit = Messages.Submit(lines, token);
        await fixture.Harness.Bus.Publish(submit);

        var rejected = await fixture.Harness.PublishedAsync<OrderRejected>(message => message.OrderId == submit.OrderId);
        var order = await fixture.OrderAsync(submit.OrderId);
        order.Status.ShouldBe(OrderStatus.Rejected);
        order.Reason.ShouldBe(rejected.Reason);
        order.ReasonDetail.ShouldBe(rejected.Detail);
        await fixture.Harness.ConsumedSuccessfullyAsync<SubmitOrder>(message => message.OrderId == submit.OrderId);
        fixture.Harness.PublishedSoFar<OrderConfirmed>(message => message.OrderId == submit.OrderId).ShouldBeEmpty();
        return rejected;
    }
}
