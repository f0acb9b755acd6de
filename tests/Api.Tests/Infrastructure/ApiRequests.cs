using System.Net.Http.Json;

using Backend.Api.Orders;
using Backend.Domain.Catalog;

namespace Backend.Api.Tests.Infrastructure;

public static class ApiRequests
{
    public static object ValidOrder(string sku = "SKU-1", int quantity = 2, string paymentToken = "tok_visa") => new
    {
        lines = new[] { new { sku, quantity } },
        paymentToken,
        shipTo = new { country = "us", name = "Ada", line1 = "1 Main St", city = "Springfield", postalCode = "12345" },
    };

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(ApiHeaders.IdempotencyKey, idempotencyKey);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<OrderAcceptedResponse> SubmitAcceptedAsync(this HttpClient client, object? body = null)
    {
        using var response = await client.SubmitAsync(body ?? ValidOrder());
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<OrderAcceptedResponse>(Json.Options, TestContext.Current.CancellationToken))!;
    }

    public static async Task<Product> SeedProductAsync(this ApiFactory factory, string sku, int onHand = 0)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await factory.Products.UpsertAsync(new ProductDefinition(sku, $"Product {sku}", 12.50m, true, 5), cancellationToken);
        if (onHand > 0)
        {
            await factory.Products.ReceiveAsync(sku, onHand, $"seed-{sku}", cancellationToken);
        }

        return (await factory.Products.FindAsync(sku, cancellationToken))!;
    }
}
