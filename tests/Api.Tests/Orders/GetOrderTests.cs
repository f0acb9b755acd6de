using System.Net;
using System.Net.Http.Headers;

using Backend.Api.Tests.Infrastructure;
using Backend.Domain.Orders;

namespace Backend.Api.Tests.Orders;

[Collection(ApiCollection.Name)]
public sealed class GetOrderTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient(TestKeys.ClientA);

    [Fact]
    public async Task Order_view_with_etag_and_retry_after_when_owner_reads_an_accepted_order()
    {
        var accepted = await _client.SubmitAcceptedAsync(ApiRequests.ValidOrder("SKU-VIEW", 4, "tok_secret_value"));

        using var response = await _client.GetAsync($"/api/orders/{accepted.Id}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag.ShouldBe(new EntityTagHeaderValue("\"1\""));
        response.Headers.RetryAfter.ShouldNotBeNull();
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        raw.ShouldNotContain("tok_secret_value");
        raw.ShouldNotContain("paymentToken");
        var view = await response.ReadJsonAsync();
        view.GetProperty("id").GetGuid().ShouldBe(accepted.Id);
        view.GetProperty("customerId").GetString().ShouldBe(TestKeys.CustomerA);
        view.GetProperty("status").GetString().ShouldBe("Accepted");
        view.GetProperty("lines")[0].GetProperty("sku").GetString().ShouldBe("SKU-VIEW");
        view.GetProperty("lines")[0].GetProperty("quantity").GetInt32().ShouldBe(4);
        view.GetProperty("totals").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        view.GetProperty("timeline")[0].GetProperty("status").GetString().ShouldBe("Accepted");
    }

    [Fact]
    public async Task Not_found_when_another_customer_asks_for_the_order()
    {
        var accepted = await _client.SubmitAcceptedAsync();
        using var otherClient = factory.CreateClient(TestKeys.ClientB);

        using var response = await otherClient.GetAsync($"/api/orders/{accepted.Id}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Order_view_when_an_operator_reads_any_order()
    {
        var accepted = await _client.SubmitAcceptedAsync();
        using var operatorClient = factory.CreateClient(TestKeys.Operator);

        using var response = await operatorClient.GetAsync($"/api/orders/{accepted.Id}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Not_found_when_the_order_does_not_exist()
    {
        using var response = await _client.GetAsync($"/api/orders/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Not_modified_when_if_none_match_holds_the_current_etag()
    {
        var accepted = await _client.SubmitAcceptedAsync();
        using var first = await _client.GetAsync($"/api/orders/{accepted.Id}", TestContext.Current.CancellationToken);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{accepted.Id}");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        second.Headers.ETag.ShouldBe(first.Headers.ETag);
    }

    [Fact]
    public async Task Order_view_when_if_none_match_holds_an_older_etag()
    {
        var accepted = await _client.SubmitAcceptedAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{accepted.Id}");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0\""));
        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task No_retry_after_and_the_reason_when_the_order_is_final()
    {
        var order = await factory.StoreAsync(StoredOrders.Rejected(TestKeys.CustomerA));

        using var response = await _client.GetAsync($"/api/orders/{order.Id}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.RetryAfter.ShouldBeNull();
        response.Headers.ETag.ShouldBe(new EntityTagHeaderValue("\"2\""));
        var view = await response.ReadJsonAsync();
        view.GetProperty("status").GetString().ShouldBe(nameof(OrderStatus.Rejected));
        view.GetProperty("reason").GetString().ShouldBe("OutOfStock");
        view.GetProperty("reasonDetail").GetString().ShouldBe("SKU-1");
        view.GetProperty("timeline").GetArrayLength().ShouldBe(2);
    }
}
