using System.Net;
using System.Net.Http.Json;

using Backend.Api.Tests.Infrastructure;
using Backend.Contracts.Shipping;

namespace Backend.Api.Tests.Orders;

[Collection(ApiCollection.Name)]
public sealed class RecordShipmentTests(ApiFactory factory)
{
    private readonly HttpClient _operator = factory.CreateClient(TestKeys.Operator);

    private static readonly object Shipment = new { carrier = "DHL", trackingNumber = "JD014600006281" };

    [Fact]
    public async Task ShipmentDispatched_published_when_an_operator_records_a_confirmed_order()
    {
        var order = await factory.StoreAsync(StoredOrders.Confirmed(TestKeys.CustomerA, DateTimeOffset.UtcNow));

        using var response = await _operator.PostAsJsonAsync($"/api/orders/{order.Id}/shipment", Shipment, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await factory.Harness.Published.Any<ShipmentDispatched>(
            message => message.Context.Message == new ShipmentDispatched(order.Id, "DHL", "JD014600006281"),
            TestContext.Current.CancellationToken)).ShouldBeTrue();
    }

    [Fact]
    public async Task Same_parcel_accepted_again_and_another_parcel_refused_while_the_first_is_recorded()
    {
        var order = await factory.StoreAsync(StoredOrders.Confirmed(TestKeys.CustomerA, DateTimeOffset.UtcNow));
        var uri = $"/api/orders/{order.Id}/shipment";

        using var first = await _operator.PostAsJsonAsync(uri, Shipment, TestContext.Current.CancellationToken);
        using var again = await _operator.PostAsJsonAsync(uri, Shipment, TestContext.Current.CancellationToken);
        using var other = await _operator.PostAsJsonAsync(
            uri, new { carrier = "UPS", trackingNumber = "1Z999" }, TestContext.Current.CancellationToken);

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        again.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        other.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await other.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("DHL JD014600006281");
        (await factory.Orders.FindAsync(order.Id, TestContext.Current.CancellationToken))!.ShipmentRequest!.Shipment
            .ShouldBe(new Backend.Domain.Orders.Shipment("DHL", "JD014600006281"));
    }

    [Fact]
    public async Task Conflict_when_the_order_is_not_confirmed()
    {
        var order = await factory.StoreAsync(StoredOrders.Rejected(TestKeys.CustomerA));

        using var response = await _operator.PostAsJsonAsync($"/api/orders/{order.Id}/shipment", Shipment, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Validation_problem_when_the_tracking_number_is_missing()
    {
        var order = await factory.StoreAsync(StoredOrders.Confirmed(TestKeys.CustomerA, DateTimeOffset.UtcNow));

        using var response = await _operator.PostAsJsonAsync(
            $"/api/orders/{order.Id}/shipment", new { carrier = "DHL" }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("trackingNumber", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData(101, 1, "carrier")]
    [InlineData(1, 101, "trackingNumber")]
    public async Task Validation_problem_when_a_field_is_over_its_limit(int carrierLength, int trackingLength, string field)
    {
        var order = await factory.StoreAsync(StoredOrders.Confirmed(TestKeys.CustomerA, DateTimeOffset.UtcNow));
        var body = new { carrier = new string('c', carrierLength), trackingNumber = new string('t', trackingLength) };

        using var response = await _operator.PostAsJsonAsync($"/api/orders/{order.Id}/shipment", body, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").EnumerateObject().Select(error => error.Name).ShouldBe([field]);
    }

    [Fact]
    public async Task Forbidden_when_a_client_records_a_shipment()
    {
        var order = await factory.StoreAsync(StoredOrders.Confirmed(TestKeys.CustomerA, DateTimeOffset.UtcNow));
        using var client = factory.CreateClient(TestKeys.ClientA);

        using var response = await client.PostAsJsonAsync($"/api/orders/{order.Id}/shipment", Shipment, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
