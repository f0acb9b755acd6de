using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

using Backend.Integration.Tests.Infrastructure;

namespace Backend.Integration.Tests.Observability;

/// <summary>An operator follows one order as one trace: the HTTP request, the publish, the consume and the store calls.</summary>
[Collection(BrokerCollection.Name)]
public sealed class OrderTraceTests(RabbitMqBroker broker)
{
    [Fact]
    public async Task Order_processing_in_the_workers_joins_the_trace_of_the_http_request()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MassTransit" or "Backend.Store",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var stack = await BackendStack.StartAsync(broker);
        await stack.SeedProductAsync("TRACE-1", onHand: 1);
        using var client = stack.Client();

        using var response = await client.PostAsJsonAsync(
            "/api/orders",
            new { lines = new[] { new { sku = "TRACE-1", quantity = 1 } }, paymentToken = "tok_visa", shipTo = new { country = "US" } },
            TestContext.Current.CancellationToken);
        var orderId = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        var view = await stack.WaitForFinalAsync(orderId);
        var traceId = view.GetProperty("traceId").GetString();

        traceId.ShouldNotBeNullOrEmpty();
        var trace = await Eventually.GetAsync(
            _ => Task.FromResult(spans.Where(span => span.TraceId.ToHexString() == traceId).ToList()),
            found => found.Any(span => span.Source.Name == "Backend.Store" && span.GetTagItem("db.operation") is "reserve_stock"),
            "the reservation's store call to join the order's trace");
        trace.ShouldContain(span => span.Source.Name == "MassTransit" && span.Kind == ActivityKind.Producer);
        trace.ShouldContain(span => span.Source.Name == "MassTransit" && span.Kind == ActivityKind.Consumer);
    }
}
