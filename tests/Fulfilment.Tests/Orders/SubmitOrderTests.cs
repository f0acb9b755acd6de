using Backend.Contracts.Orders;
using Backend.Domain.Orders;
using Backend.Fulfilment.Tests.Infrastructure;

namespace Backend.Fulfilment.Tests.Orders;

public sealed class SubmitOrderTests
{
    [Fact]
    public async Task Confirmed_with_catalog_prices_volume_discount_and_tax_when_shipping_to_DE()
    {
        await using var fixture = await FulfilmentHarness.StartAsync(new Dictionary<string, string?> { ["Pricing:TaxRates:DE"] = "0.19" });
        await fixture.SeedProductAsync("DESK", unitPrice: 125.00m, onHand: 10);
        await fixture.SeedProductAsync("PEN", unitPrice: 9.99m, onHand: 10);
        var submit = Messages.Submit([new OrderLineItem("DESK", 4), new OrderLineItem("PEN", 3)], country: "DE");

        await fixture.Harness.Bus.Publish(submit);

        // 500.00 + 29.97 = 529.97; 5 % off = 26.50 (26.4985 rounded); 19 % of 503.47 = 95.66 (95.6593 rounded).
        var confirmed = await fixture.Harness.PublishedAsync<OrderConfirmed>(message => message.OrderId == submit.OrderId);
        confirmed.ShouldBe(new OrderConfirmed(submit.OrderId, Messages.Customer, 599.13m, "USD", FulfilmentHarness.Now));
        var order = await fixture.OrderAsync(submit.OrderId);
        order.Status.ShouldBe(OrderStatus.Confirmed);
        order.Totals.ShouldBe(new OrderTotals(529.97m, 26.50m, 95.66m, 599.13m, "USD"));
        order.Lines.ShouldBe([new OrderLine("DESK", 4, 125.00m, 500.00m), new OrderLine("PEN", 3, 9.99m, 29.97m)]);
        order.AuthorizationId.ShouldBe($"auth_{submit.OrderId:N}");
        order.Timeline.Select(entry => entry.Status).ShouldBe([OrderStatus.Accepted, OrderStatus.Reserved, OrderStatus.Confirmed]);
        (await fixture.ProductAsync("DESK")).Reserved.ShouldBe(4);
        (await fixture.ProductAsync("PEN")).Reserved.ShouldBe(3);
        fixture.Harness.PublishedSoFar<OrderAccepted>(message => message.OrderId == submit.OrderId).ShouldHaveSingleItem();
        await fixture.Harness.ConsumedSuccessfullyAsync<SubmitOrder>(message => message.OrderId == submit.OrderId);
    }

    [Fact]
    public async Task One_order_reserved_once_when_the_same_SubmitOrder_arrives_twice()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var submit = Messages.Submit("LAMP", 3);

        await fixture.Harness.Bus.Publish(submit);
        await fixture.Harness.Bus.Publish(submit);

        await fixture.Harness.ConsumedSuccessfullyAsync<SubmitOrder>(message => message.OrderId == submit.OrderId, count: 2);
        (await fixture.OrderAsync(submit.OrderId)).Status.ShouldBe(OrderStatus.Confirmed);
        var product = await fixture.ProductAsync("LAMP");
        product.Reserved.ShouldBe(3);
        product.OnHand.ShouldBe(10);

        // The second delivery announces the stored outcome again (at-least-once); it never makes a second one.
        var confirmations = fixture.Harness.PublishedSoFar<OrderConfirmed>(message => message.OrderId == submit.OrderId);
        confirmations.ShouldNotBeEmpty();
        confirmations.Select(message => message.Total).Distinct().ShouldHaveSingleItem();
        fixture.Harness.PublishedSoFar<OrderAccepted>(message => message.OrderId == submit.OrderId).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Confirmed_after_retries_when_the_gateway_fails_transiently()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var submit = Messages.Submit("LAMP", 2, token: "tok_flaky");

        await fixture.Harness.Bus.Publish(submit);

        await fixture.Harness.PublishedAsync<OrderConfirmed>(message => message.OrderId == submit.OrderId);
        await fixture.Harness.ConsumedSuccessfullyAsync<SubmitOrder>(message => message.OrderId == submit.OrderId);
        (await fixture.OrderAsync(submit.OrderId)).Status.ShouldBe(OrderStatus.Confirmed);
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(2);
    }

    [Fact]
    public async Task OrderAccepted_published_when_the_first_attempt_needed_payment_retries()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var submit = Messages.Submit("LAMP", 2, token: "tok_flaky");

        await fixture.Harness.Bus.Publish(submit);

        await fixture.Harness.PublishedAsync<OrderConfirmed>(message => message.OrderId == submit.OrderId);
        fixture.Harness.PublishedSoFar<OrderAccepted>(message => message.OrderId == submit.OrderId).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Faults_and_changes_nothing_when_the_order_id_belongs_to_another_customer()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var original = Messages.Submit("LAMP", 2);
        await fixture.Harness.Bus.Publish(original);
        await fixture.Harness.PublishedAsync<OrderConfirmed>(message => message.OrderId == original.OrderId);
        var before = await fixture.OrderAsync(original.OrderId);

        await fixture.Harness.Bus.Publish(Messages.Submit("LAMP", 5, customer: "intruder") with { OrderId = original.OrderId });

        await fixture.Harness.RejectedAsInvalidAsync<SubmitOrder>(message => message.CustomerId == "intruder");
        var after = await fixture.OrderAsync(original.OrderId);
        after.CustomerId.ShouldBe(Messages.Customer);
        after.Version.ShouldBe(before.Version);
        after.Lines.ShouldBe(before.Lines);
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(2);
    }

    [Fact]
    public async Task Faults_and_stores_nothing_when_lines_are_empty()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        var submit = Messages.Submit([]);

        await fixture.Harness.Bus.Publish(submit);

        await fixture.Harness.RejectedAsInvalidAsync<SubmitOrder>(message => message.OrderId == submit.OrderId);
        (await fixture.Orders.FindAsync(submit.OrderId, TestContext.Current.CancellationToken)).ShouldBeNull();
        fixture.Harness.PublishedSoFar<OrderAccepted>(message => message.OrderId == submit.OrderId).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Germany", 1)]
    [InlineData("US", 1001)]
    [InlineData("US", 0)]
    public async Task Faults_and_stores_nothing_when_the_shape_breaks_the_rules_http_enforces(string country, int quantity)
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 2000);
        var submit = Messages.Submit("LAMP", quantity, country: country);

        await fixture.Harness.Bus.Publish(submit);

        await fixture.Harness.RejectedAsInvalidAsync<SubmitOrder>(message => message.OrderId == submit.OrderId);
        (await fixture.Orders.FindAsync(submit.OrderId, TestContext.Current.CancellationToken)).ShouldBeNull();
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(0);
    }

    [Fact]
    public async Task Faults_with_the_field_and_stores_nothing_when_customer_id_is_too_long()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var submit = Messages.Submit("LAMP", 1, customer: new string('c', OrderLimits.MaxCustomerIdLength + 1));

        await fixture.Harness.Bus.Publish(submit);

        var fault = await fixture.Harness.RejectedAsInvalidAsync<SubmitOrder>(message => message.OrderId == submit.OrderId);
        fault.Exceptions.ShouldHaveSingleItem().Message.ShouldContain("'customerId'");
        (await fixture.Orders.FindAsync(submit.OrderId, TestContext.Current.CancellationToken)).ShouldBeNull();
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(0);
        fixture.Harness.PublishedSoFar<OrderAccepted>(message => message.OrderId == submit.OrderId).ShouldBeEmpty();
    }
}
