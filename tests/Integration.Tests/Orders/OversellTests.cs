using System.Net;
using System.Net.Http.Json;

using Backend.Domain.Orders;
using Backend.Integration.Tests.Infrastructure;

namespace Backend.Integration.Tests.Orders;

[Collection(BrokerCollection.Name)]
public sealed class OversellTests(RabbitMqBroker broker)
{
    [Fact]
    public Task Exactly_the_stock_on_hand_is_sold_when_many_orders_race_across_two_worker_hosts() => RaceAsync(useMongo: false);

    [Fact]
    public Task Exactly_the_stock_on_hand_is_sold_when_the_race_runs_on_mongodb() => RaceAsync(useMongo: true);

    private async Task RaceAsync(bool useMongo)
    {
        await using var stack = await BackendStack.StartAsync(broker, workerCount: 2, useMongo: useMongo);
        await stack.SeedProductAsync("RACE-10", onHand: 10);
        using var client = stack.Client();
        var body = new { lines = new[] { new { sku = "RACE-10", quantity = 1 } }, paymentToken = "tok_visa", shipTo = new { country = "US" } };

        var submissions = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            using var response = await client.PostAsJsonAsync("/api/orders", body, TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        }));

        var orders = await Eventually.GetAsync(
            async cancellationToken => await Task.WhenAll(submissions.Select(id => stack.Orders.FindAsync(id, cancellationToken))),
            found => found.All(order => order!.Status.IsFinal() || order.Status == OrderStatus.Confirmed),
            "all 100 orders to be decided",
            TimeSpan.FromMinutes(3));

        orders.Count(order => order!.Status == OrderStatus.Confirmed).ShouldBe(10);
        var rejected = orders.Where(order => order!.Status == OrderStatus.Rejected).ToList();
        rejected.Count.ShouldBe(90);
        rejected.ShouldAllBe(order => order!.Reason == RejectionReason.OutOfStock && order.ReasonDetail == "RACE-10");
        var product = await stack.Products.FindAsync("RACE-10", TestContext.Current.CancellationToken);
        product!.Reserved.ShouldBe(10);
        product.Available.ShouldBe(0);
    }
}
