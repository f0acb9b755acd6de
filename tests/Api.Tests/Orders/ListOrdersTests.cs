using System.Net;
using System.Text.Json;

using Backend.Api.Tests.Infrastructure;

namespace Backend.Api.Tests.Orders;

[Collection(ApiCollection.Name)]
public sealed class ListOrdersTests(ApiFactory factory)
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly HttpClient _operator = factory.CreateClient(TestKeys.Operator);

    [Fact]
    public async Task Own_orders_only_when_a_client_lists()
    {
        var own = await factory.StoreAsync(StoredOrders.Accepted(TestKeys.ListCustomer));
        await factory.StoreAsync(StoredOrders.Accepted(TestKeys.CustomerB));
        using var client = factory.CreateClient(TestKeys.ListClient);

        var page = await GetPageAsync(client, "/api/orders?customerId=" + TestKeys.CustomerB);

        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.ShouldNotBeEmpty();
        items.ShouldAllBe(item => item.GetProperty("customerId").GetString() == TestKeys.ListCustomer);
        items.ShouldContain(item => item.GetProperty("id").GetGuid() == own.Id);
    }

    [Fact]
    public async Task Newest_first_in_pages_when_an_operator_lists_one_customer()
    {
        var customer = NewCustomer();
        var orders = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            orders.Add((await factory.StoreAsync(StoredOrders.Accepted(customer, Start.AddMinutes(i)))).Id);
        }

        var first = await GetPageAsync(_operator, $"/api/orders?customerId={customer}&pageSize=2&page=1");
        var third = await GetPageAsync(_operator, $"/api/orders?customerId={customer}&pageSize=2&page=3");

        first.GetProperty("totalCount").GetInt64().ShouldBe(5);
        first.GetProperty("page").GetInt32().ShouldBe(1);
        first.GetProperty("pageSize").GetInt32().ShouldBe(2);
        Ids(first).ShouldBe([orders[4], orders[3]]);
        Ids(third).ShouldBe([orders[0]]);
    }

    [Fact]
    public async Task Every_order_once_along_the_next_links_without_a_count_when_no_page_is_named()
    {
        var customer = NewCustomer();
        var orders = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            orders.Add((await factory.StoreAsync(StoredOrders.Accepted(customer, Start.AddMinutes(i)))).Id);
        }

        var seen = new List<Guid>();
        var pages = 0;
        string? next = $"/api/orders?customerId={customer}&pageSize=2";
        while (next is not null)
        {
            var page = await GetPageAsync(_operator, next);
            page.GetProperty("totalCount").ValueKind.ShouldBe(JsonValueKind.Null);
            seen.AddRange(Ids(page));
            pages++;
            next = page.GetProperty("next").GetString();
            if (next is not null)
            {
                next.ShouldStartWith($"/api/orders?customerId={customer}&pageSize=2&after=");
            }
        }

        seen.ShouldBe([orders[4], orders[3], orders[2], orders[1], orders[0]]);
        pages.ShouldBe(3);
    }

    [Theory]
    [InlineData("after=not-a-cursor")]
    [InlineData("after=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&page=2")]
    public async Task Problem_details_when_the_cursor_is_not_one_of_ours_or_comes_with_a_page(string query)
    {
        using var response = await _operator.GetAsync($"/api/orders?{query}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("\"after\"");
    }

    [Fact]
    public async Task Only_that_status_when_filtered_by_status()
    {
        var customer = NewCustomer();
        var accepted = await factory.StoreAsync(StoredOrders.Accepted(customer));
        var rejected = await factory.StoreAsync(StoredOrders.Rejected(customer));

        var page = await GetPageAsync(_operator, $"/api/orders?customerId={customer}&status=rejected");

        Ids(page).ShouldBe([rejected.Id]);
        page.GetProperty("items")[0].GetProperty("status").GetString().ShouldBe("Rejected");
        Ids(await GetPageAsync(_operator, $"/api/orders?customerId={customer}&status=Accepted")).ShouldBe([accepted.Id]);
    }

    [Fact]
    public async Task Only_orders_in_range_when_filtered_by_time()
    {
        var customer = NewCustomer();
        await factory.StoreAsync(StoredOrders.Accepted(customer, Start));
        var inRange = await factory.StoreAsync(StoredOrders.Accepted(customer, Start.AddHours(1)));
        await factory.StoreAsync(StoredOrders.Accepted(customer, Start.AddHours(3)));

        var page = await GetPageAsync(_operator, $"/api/orders?customerId={customer}&from=2025-03-01T12:30:00Z&to=2025-03-01T14:00:00Z");

        Ids(page).ShouldBe([inRange.Id]);
    }

    [Theory]
    [InlineData("status=Lost", "status")]
    [InlineData("status=3", "status")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2025-13-01", "to")]
    [InlineData("from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z", "to")]
    [InlineData("page=0", "page")]
    [InlineData("page=x", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    public async Task Validation_problem_when_a_query_value_is_invalid(string query, string field)
    {
        using var response = await _operator.GetAsync($"/api/orders?{query}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    private static string NewCustomer() => $"list-{Guid.NewGuid():N}";

    private static List<Guid> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid())];

    private static async Task<JsonElement> GetPageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }
}
