using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using Backend.Integration.Tests.Faults;
using Backend.Integration.Tests.Infrastructure;

namespace Backend.Integration.Tests.Observability;

/// <summary>
/// The standalone host as a process, configured by the standard OTEL_EXPORTER_OTLP_* variables to export to a
/// receiver in the test, with JSON console logs: one order's spans, metrics and logs arrive, and neither the
/// console nor anything exported holds the API key, the payment token or the address that were sent.
/// </summary>
public sealed class TelemetryExportTests
{
    private static readonly string ClientKey = "client-" + Guid.NewGuid().ToString("N");
    private static readonly string OperatorKey = "operator-" + Guid.NewGuid().ToString("N");
    private static readonly string PaymentToken = "tok_secret_" + Guid.NewGuid().ToString("N")[..12];
    private static readonly string Street = "Street" + Guid.NewGuid().ToString("N")[..10];
    private static readonly string City = "City" + Guid.NewGuid().ToString("N")[..10];
    private static readonly string PersonName = "Person" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Spans_metrics_and_logs_of_one_order_are_exported_and_hold_no_secret_when_a_collector_is_configured()
    {
        using var receiver = new OtlpReceiver();
        var directory = Directory.CreateTempSubdirectory("backend-otlp-");
        await using var host = new HostProcess("standalone", ProcessStack.HostAssembly("Standalone"), Path.Combine(directory.FullName, "host.log"), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Store__Sqlite__Path"] = Path.Combine(directory.FullName, "backend.db"),
            ["Auth__ApiKeys__0__Key"] = ClientKey,
            ["Auth__ApiKeys__0__CustomerId"] = "otlp-customer",
            ["Auth__ApiKeys__1__Key"] = OperatorKey,
            ["Auth__ApiKeys__1__Role"] = "Operator",
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
            ["Logging__LogLevel__Default"] = "Debug",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        await host.StartAsync(TestContext.Current.CancellationToken, new Dictionary<string, string> { ["Urls"] = host.BaseAddress.ToString().TrimEnd('/') });

        var (orderId, traceId) = await RunOrderLifecycleAsync(host.BaseAddress);

        var traceIdBytes = Convert.FromHexString(traceId);
        await Eventually.GetAsync(
            _ => Task.FromResult(receiver),
            received => received.Bodies("traces").Any(body => Contains(body, traceIdBytes))
                && received.Bodies("logs").Any(body => Contains(body, traceIdBytes))
                && received.Bodies("metrics").Any(body => Contains(body, Encoding.UTF8.GetBytes("backend.orders.outcomes"))),
            $"spans, logs and metrics of order {orderId} (trace {traceId}) to reach the receiver");

        var console = host.LogSinceLastStart();
        console.ShouldContain("\"TraceId\"");
        console.ShouldContain(orderId.ToString());
        foreach (var secret in new[] { ClientKey, OperatorKey, PaymentToken, Street, City, PersonName })
        {
            console.ShouldNotContain(secret, customMessage: "the console log");
            receiver.Received.ShouldAllBe(entry => !Contains(entry.Body, Encoding.UTF8.GetBytes(secret)), customMessage: $"the OTLP export holds {secret}");
        }
    }

    private async Task<(Guid OrderId, string TraceId)> RunOrderLifecycleAsync(Uri baseAddress)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", ClientKey);
        using var operatorClient = new HttpClient { BaseAddress = baseAddress };
        operatorClient.DefaultRequestHeaders.Add("X-Api-Key", OperatorKey);

        using var submitted = await client.PostAsJsonAsync("/api/orders", new
        {
            lines = new[] { new { sku = "WIDGET-1", quantity = 1 } },
            paymentToken = PaymentToken,
            shipTo = new { country = "US", name = PersonName, line1 = Street, city = City, postalCode = "12345" },
        }, cancellationToken);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var orderId = Guid.Parse(submitted.Headers.Location!.OriginalString.Split('/')[^1]);

        await WaitForStatusAsync(client, orderId, "Confirmed");
        using var shipped = await operatorClient.PostAsJsonAsync(
            $"/api/orders/{orderId}/shipment", new { carrier = "DHL", trackingNumber = "JD-OTLP-1" }, cancellationToken);
        shipped.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var view = await WaitForStatusAsync(client, orderId, "Shipped");
        return (orderId, view.GetProperty("traceId").GetString()!);
    }

    private static Task<JsonElement> WaitForStatusAsync(HttpClient client, Guid orderId, string status) =>
        Eventually.GetAsync(
            async cancellationToken => await client.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}", cancellationToken),
            view => view.GetProperty("status").GetString() == status,
            $"order {orderId} to reach {status}");

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
