using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Backend.Domain.Orders;
using Backend.Integration.Tests.Infrastructure;

namespace Backend.Integration.Tests.Faults;

/// <summary>Steps the fault scenarios share: waiting for the invariants, reading progress, shipping orders.</summary>
internal static class FaultChecks
{
    /// <summary>
    /// Waits, within a bound, until every invariant holds: orders settle and stock is released some time after a
    /// fault, never at once. Returns the last report either way, so a test can print its figures before it fails
    /// on the violations still found.
    /// </summary>
    public static async Task<AuditReport> WaitForInvariantsAsync(ProcessStack stack, AuditExpectations expected, TimeSpan timeout)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var report = InvariantAudit.Check(await InvariantAudit.ReadAsync(stack.DatabasePath, cancellationToken), expected);
            if (report.Holds || deadline.Elapsed >= timeout)
            {
                return report;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    /// <summary>
    /// The product's own audit (<c>GET /api/admin/audit</c>) over the same store, as an operator would run it after
    /// the fault: each violation it reports as "rule: ids". It must agree with the test's own checks.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ServiceAuditViolationsAsync(ProcessStack stack)
    {
        using var client = stack.Client(TestKeys.Operator);
        var report = await client.GetFromJsonAsync<JsonElement>("/api/admin/audit", TestContext.Current.CancellationToken);
        return [.. report.GetProperty("violations").EnumerateArray().Select(violation =>
            $"{violation.GetProperty("rule").GetString()}: {string.Join(", ", violation.GetProperty("ids").EnumerateArray().Select(id => id.GetString()))}")];
    }

    public static async Task<int> CountInProgressAsync(ProcessStack stack)
    {
        var snapshot = await InvariantAudit.ReadAsync(stack.DatabasePath, TestContext.Current.CancellationToken);
        return snapshot.Orders.Count(order => order.Status.IsInProgress());
    }

    /// <summary>Ships Confirmed orders as the warehouse would, through the operator API; returns the ones sent.</summary>
    public static async Task<IReadOnlyList<Guid>> ShipAsync(ProcessStack stack, int count)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var snapshot = await InvariantAudit.ReadAsync(stack.DatabasePath, cancellationToken);
        var confirmed = snapshot.Orders.Where(order => order.Status == OrderStatus.Confirmed).Take(count).Select(order => order.Id).ToList();
        using var client = stack.Client(TestKeys.Operator);
        foreach (var id in confirmed)
        {
            using var response = await client.PostAsJsonAsync(
                $"/api/orders/{id}/shipment", new { carrier = "DHL", trackingNumber = $"FAULT-{id:N}" }, cancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(cancellationToken));
        }

        return confirmed;
    }

    public static void Report(string figures) => TestContext.Current.TestOutputHelper?.WriteLine(figures);
}
