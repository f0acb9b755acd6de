using System.Net;

using Backend.Api.Tests.Infrastructure;

namespace Backend.Api.Tests.Orders;

[Collection(ApiCollection.Name)]
public sealed class IdempotencyTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient(TestKeys.ClientA);

    [Fact]
    public async Task Same_order_replayed_when_key_and_body_repeat()
    {
        var key = Guid.NewGuid().ToString();

        using var first = await _client.SubmitAsync(ApiRequests.ValidOrder(), key);
        using var second = await _client.SubmitAsync(ApiRequests.ValidOrder(), key);

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        second.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var firstId = (await first.ReadJsonAsync()).GetProperty("id").GetGuid();
        (await second.ReadJsonAsync()).GetProperty("id").GetGuid().ShouldBe(firstId);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        second.Headers.GetValues(ApiHeaders.IdempotentReplayed).ShouldBe(["true"]);
        first.Headers.Contains(ApiHeaders.IdempotentReplayed).ShouldBeFalse();
    }

    [Fact]
    public async Task Same_order_replayed_when_body_differs_only_in_form()
    {
        var key = Guid.NewGuid().ToString();
        var lowerCaseCountry = ApiRequests.ValidOrder();
        var reordered = new
        {
            shipTo = new { postalCode = "12345", city = "Springfield", line1 = "1 Main St", name = "Ada", country = "US" },
            paymentToken = "tok_visa",
            lines = new[] { new { quantity = 2, sku = "SKU-1", unitPrice = 99m } },
        };

        using var first = await _client.SubmitAsync(lowerCaseCountry, key);
        using var second = await _client.SubmitAsync(reordered, key);

        second.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        second.Headers.Location.ShouldBe(first.Headers.Location);
    }

    [Fact]
    public async Task Unprocessable_when_key_is_reused_with_another_body()
    {
        var key = Guid.NewGuid().ToString();

        using var first = await _client.SubmitAsync(ApiRequests.ValidOrder(quantity: 1), key);
        using var second = await _client.SubmitAsync(ApiRequests.ValidOrder(quantity: 5), key);

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        second.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        second.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Separate_orders_when_two_customers_use_the_same_key()
    {
        var key = Guid.NewGuid().ToString();
        using var otherClient = factory.CreateClient(TestKeys.ClientB);

        using var first = await _client.SubmitAsync(ApiRequests.ValidOrder(), key);
        using var second = await otherClient.SubmitAsync(ApiRequests.ValidOrder(), key);

        second.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        second.Headers.Location.ShouldNotBe(first.Headers.Location);
        second.Headers.Contains(ApiHeaders.IdempotentReplayed).ShouldBeFalse();
    }
}
