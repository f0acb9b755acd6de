using System.Net;

using Backend.Api.Tests.Infrastructure;
using Backend.Contracts.Orders;
using Backend.Domain.Orders;

namespace Backend.Api.Tests.Orders;

[Collection(ApiCollection.Name)]
public sealed class SubmitOrderTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient(TestKeys.ClientA);

    [Fact]
    public async Task Accepted_with_location_and_retry_after_when_order_is_valid()
    {
        using var response = await _client.SubmitAsync(ApiRequests.ValidOrder());

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var body = await response.ReadJsonAsync();
        var id = body.GetProperty("id").GetGuid();
        body.GetProperty("status").GetString().ShouldBe("Accepted");
        response.Headers.Location!.OriginalString.ShouldBe($"/api/orders/{id}");
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        response.Headers.Contains(ApiHeaders.IdempotentReplayed).ShouldBeFalse();
    }

    [Fact]
    public async Task SubmitOrder_published_when_order_is_accepted()
    {
        var accepted = await _client.SubmitAcceptedAsync(ApiRequests.ValidOrder("SKU-PUB", 3, "tok_pub"));

        (await factory.Harness.Published.Any<SubmitOrder>(
            message => message.Context.Message.OrderId == accepted.Id
                && message.Context.Message.CustomerId == TestKeys.CustomerA
                && message.Context.Message.Lines.Single() == new OrderLineItem("SKU-PUB", 3)
                && message.Context.Message.PaymentToken == "tok_pub"
                && message.Context.Message.ShipTo.Country == "US",
            TestContext.Current.CancellationToken)).ShouldBeTrue();
    }

    [Fact]
    public async Task Order_stored_as_accepted_when_submitted()
    {
        var accepted = await _client.SubmitAcceptedAsync();

        var order = await factory.Orders.FindAsync(accepted.Id, TestContext.Current.CancellationToken);

        order.ShouldNotBeNull();
        order.Status.ShouldBe(OrderStatus.Accepted);
        order.CustomerId.ShouldBe(TestKeys.CustomerA);
        order.ShipTo.Country.ShouldBe("US");
        order.Idempotency.ShouldBeNull();
    }

    [Fact]
    public async Task Client_prices_ignored_when_sent_with_the_lines()
    {
        var body = new
        {
            lines = new[] { new { sku = "SKU-1", quantity = 1, unitPrice = 0.01m } },
            paymentToken = "tok_visa",
            shipTo = new { country = "DE" },
            total = 0.01m,
        };

        var accepted = await _client.SubmitAcceptedAsync(body);

        var order = await factory.Orders.FindAsync(accepted.Id, TestContext.Current.CancellationToken);
        order!.Lines.Single().UnitPrice.ShouldBeNull();
        order.Totals.ShouldBeNull();
    }

    [Fact]
    public async Task Forbidden_when_an_operator_submits_an_order()
    {
        using var client = factory.CreateClient(TestKeys.Operator);

        using var response = await client.SubmitAsync(ApiRequests.ValidOrder());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
