using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Backend.Api.Tests.Infrastructure;
using Backend.Domain.Audit;
using Backend.Domain.Catalog;

namespace Backend.Api.Tests.Admin;

/// <summary>The audit over a store of its own, so what other tests store cannot show up in it.</summary>
public sealed class AuditTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Audit_lists_the_stock_held_for_nothing_and_the_confirmed_order_holding_and_authorizing_nothing()
    {
        await factory.Products.UpsertAsync(new ProductDefinition("AUDIT-1", "Audited", 1m, true, 0), Cancellation);
        await factory.Products.ReceiveAsync("AUDIT-1", 10, "GRN-1", Cancellation);
        using var client = factory.CreateClient(TestKeys.Operator);

        var clean = await client.GetFromJsonAsync<JsonElement>("/api/admin/audit", Cancellation);
        clean.GetProperty("violations").GetArrayLength().ShouldBe(0);
        clean.GetProperty("products").GetInt32().ShouldBe(1);

        // A reservation no order stands behind, and a confirmed order that never reserved: two ways stock can lie.
        var stray = Guid.NewGuid();
        await factory.Products.ReserveAsync(stray, [new StockRequest("AUDIT-1", 2)], Cancellation);
        var unheld = await factory.StoreAsync(StoredOrders.Confirmed(TestKeys.CustomerA, DateTimeOffset.UtcNow, "AUDIT-1", 1));

        var report = await client.GetFromJsonAsync<JsonElement>("/api/admin/audit", Cancellation);

        var violations = report.GetProperty("violations").EnumerateArray()
            .ToDictionary(v => v.GetProperty("rule").GetString()!, v => v.GetProperty("ids").EnumerateArray().Select(id => id.GetString()).ToList());
        violations.Keys.ShouldBe(
            [ConsistencyAudit.HeldWithoutOpenOrder, ConsistencyAudit.OpenOrderNotHeld, ConsistencyAudit.AuthorizationMismatch], ignoreOrder: true);
        violations[ConsistencyAudit.HeldWithoutOpenOrder].ShouldBe([$"{stray}/AUDIT-1"]);
        violations[ConsistencyAudit.OpenOrderNotHeld].ShouldBe([$"{unheld.Id}/AUDIT-1"]);
        // Stored straight as Confirmed, it was never authorized through the ledger either.
        violations[ConsistencyAudit.AuthorizationMismatch].ShouldBe([unheld.Id.ToString()]);
        report.GetProperty("openOrders").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Forbidden_to_a_client_key()
    {
        using var client = factory.CreateClient(TestKeys.ClientA);

        using var response = await client.GetAsync("/api/admin/audit", Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
