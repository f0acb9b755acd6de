using System.Net;
using System.Net.Http.Json;

using Backend.Api.Tests.Infrastructure;
using Backend.Contracts.Catalog;

namespace Backend.Api.Tests.Products;

[Collection(ApiCollection.Name)]
public sealed class ProductsApiTests(ApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient(TestKeys.ClientA);
    private readonly HttpClient _operator = factory.CreateClient(TestKeys.Operator);

    [Fact]
    public async Task Product_with_availability_when_it_exists()
    {
        await factory.SeedProductAsync("SKU-GET", onHand: 7);

        using var response = await _client.GetAsync("/api/products/SKU-GET", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = await response.ReadJsonAsync();
        view.GetProperty("sku").GetString().ShouldBe("SKU-GET");
        view.GetProperty("name").GetString().ShouldBe("Product SKU-GET");
        view.GetProperty("unitPrice").GetDecimal().ShouldBe(12.50m);
        view.GetProperty("active").GetBoolean().ShouldBeTrue();
        view.GetProperty("onHand").GetInt32().ShouldBe(7);
        view.GetProperty("reserved").GetInt32().ShouldBe(0);
        view.GetProperty("available").GetInt32().ShouldBe(7);
        view.GetProperty("reorderPoint").GetInt32().ShouldBe(5);
    }

    [Fact]
    public async Task Catalog_listed_when_products_exist()
    {
        await factory.SeedProductAsync("SKU-LIST");

        using var response = await _operator.GetAsync("/api/products", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).EnumerateArray().ShouldContain(item => item.GetProperty("sku").GetString() == "SKU-LIST");
    }

    [Fact]
    public async Task Not_found_when_the_sku_is_unknown()
    {
        using var response = await _client.GetAsync("/api/products/NO-SUCH-SKU", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("lower-case")]
    [InlineData("ABC%0A")]
    public async Task Validation_problem_when_the_sku_is_malformed(string sku)
    {
        using var response = await _client.GetAsync($"/api/products/{sku}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("sku", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Accepted_and_UpsertProduct_published_when_an_operator_puts_a_product()
    {
        var body = new { name = "Blue mug", unitPrice = 9.99m, active = true, reorderPoint = 3 };

        using var response = await _operator.PutAsJsonAsync("/api/products/MUG-BLUE", body, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        response.Headers.Location!.OriginalString.ShouldBe("/api/products/MUG-BLUE");
        (await factory.Harness.Published.Any<UpsertProduct>(
            message => message.Context.Message == new UpsertProduct("MUG-BLUE", "Blue mug", 9.99m, true, 3),
            TestContext.Current.CancellationToken)).ShouldBeTrue();
    }

    [Fact]
    public async Task Published_without_active_and_reorder_point_and_with_the_version_when_those_are_left_out()
    {
        var body = new { name = "Green mug", unitPrice = 8.50m, version = 42 };

        using var response = await _operator.PutAsJsonAsync("/api/products/MUG-GREEN", body, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await factory.Harness.Published.Any<UpsertProduct>(
            message => message.Context.Message == new UpsertProduct("MUG-GREEN", "Green mug", 8.50m, Version: 42),
            TestContext.Current.CancellationToken)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"name":"","unitPrice":1,"active":true,"reorderPoint":0}""", "name")]
    [InlineData("""{"name":"Mug","unitPrice":1.234,"active":true,"reorderPoint":0}""", "unitPrice")]
    [InlineData("""{"name":"Mug","unitPrice":-1,"active":true,"reorderPoint":0}""", "unitPrice")]
    [InlineData("""{"name":"Mug","unitPrice":1,"active":true,"reorderPoint":-1}""", "reorderPoint")]
    [InlineData("""{"name":"Mug","unitPrice":1,"active":true,"reorderPoint":1000001}""", "reorderPoint")]
    [InlineData("""{"unitPrice":1}""", "name")]
    [InlineData("""{"name":"Mug"}""", "unitPrice")]
    [InlineData("""{"name":"Mug","unitPrice":1,"version":-1}""", "version")]
    public async Task Validation_problem_when_a_product_field_is_invalid(string body, string field)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await _operator.PutAsync("/api/products/MUG-RED", content, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Accepted_and_StockReplenished_published_when_an_operator_posts_a_receipt()
    {
        var body = new { quantity = 40, receiptId = "rcpt-1001" };

        using var response = await _operator.PostAsJsonAsync("/api/products/SKU-RCPT/stock-receipts", body, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await factory.Harness.Published.Any<StockReplenished>(
            message => message.Context.Message == new StockReplenished("SKU-RCPT", 40, "rcpt-1001"),
            TestContext.Current.CancellationToken)).ShouldBeTrue();
    }

    [Theory]
    [InlineData(0, "rcpt", "quantity")]
    [InlineData(1_000_001, "rcpt", "quantity")]
    [InlineData(1, "", "receiptId")]
    public async Task Validation_problem_when_a_receipt_field_is_invalid(int quantity, string receiptId, string field)
    {
        using var response = await _operator.PostAsJsonAsync(
            "/api/products/SKU-RCPT/stock-receipts", new { quantity, receiptId }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }
}
