using System.Net;

using Backend.Api.Tests.Infrastructure;
using Backend.Contracts.Orders;

namespace Backend.Api.Tests.Orders;

[Collection(ApiCollection.Name)]
public sealed class CancelOrderTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient(TestKeys.ClientA);

    [Fact]
    public async Task Accepted_and_CancelOrder_published_when_the_owner_cancels()
    {
        var accepted = await _client.SubmitAcceptedAsync();

        using var response = await _client.PostAsync($"/api/orders/{accepted.Id}/cancel", null, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        response.Headers.Location!.OriginalString.ShouldBe($"/api/orders/{accepted.Id}");
        (await factory.Harness.Published.Any<CancelOrder>(
            message => message.Context.Message == new CancelOrder(accepted.Id, TestKeys.CustomerA),
            TestContext.Current.CancellationToken)).ShouldBeTrue();
    }

    [Fact]
    public async Task CancelOrder_by_operator_published_when_an_operator_cancels()
    {
        var accepted = await _client.SubmitAcceptedAsync();
        using var operatorClient = factory.CreateClient(TestKeys.Operator);

        using var response = await operatorClient.PostAsync($"/api/orders/{accepted.Id}/cancel", null, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await factory.Harness.Published.Any<CancelOrder>(
            message => message.Context.Message == new CancelOrder(accepted.Id, "operator"),
            TestContext.Current.CancellationToken)).ShouldBeTrue();
    }

    [Fact]
    public async Task Conflict_when_the_order_is_final()
    {
        var order = await factory.StoreAsync(StoredOrders.Rejected(TestKeys.CustomerA));

        using var response = await _client.PostAsync($"/api/orders/{order.Id}/cancel", null, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Not_found_when_another_customer_cancels()
    {
        var accepted = await _client.SubmitAcceptedAsync();
        using var otherClient = factory.CreateClient(TestKeys.ClientB);

        using var response = await otherClient.PostAsync($"/api/orders/{accepted.Id}/cancel", null, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
