using System.Net;
using System.Net.Http.Json;
using System.Reflection;

using Backend.Api.Tests.Infrastructure;
using Backend.Domain.Orders;

using MassTransit;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Api.Tests.Orders;

/// <summary>
/// Every write the API answers while the broker does not take messages (its publishes hang until they are given up):
/// none waits past <c>Orders:PublishTimeoutSeconds</c>; what is recorded on the order answers 202, what is not, 503.
/// </summary>
public sealed class BrokerOutageTests(BrokerOutageTests.HangingBrokerApi factory) : IClassFixture<BrokerOutageTests.HangingBrokerApi>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cancel_recorded_on_the_order_and_accepted_when_the_broker_hangs()
    {
        var order = await factory.StoreAsync(StoredOrders.Confirmed(TestKeys.CustomerA, DateTimeOffset.UtcNow));
        using var client = factory.CreateClient(TestKeys.ClientA);

        using var response = await client.PostAsync($"/api/orders/{order.Id}/cancel", null, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var stored = await factory.Orders.FindAsync(order.Id, Cancellation);
        stored!.CancelRequest!.RequestedBy.ShouldBe(TestKeys.CustomerA);
        stored.HasPendingRequest.ShouldBeTrue();
        stored.Status.ShouldBe(OrderStatus.Confirmed);
    }

    [Fact]
    public async Task Shipment_recorded_on_the_order_and_accepted_when_the_broker_hangs()
    {
        var order = await factory.StoreAsync(StoredOrders.Confirmed(TestKeys.CustomerA, DateTimeOffset.UtcNow));
        using var client = factory.CreateClient(TestKeys.Operator);

        using var response = await client.PostAsJsonAsync(
            $"/api/orders/{order.Id}/shipment", new { carrier = "DHL", trackingNumber = "JD0001" }, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await factory.Orders.FindAsync(order.Id, Cancellation))!.ShipmentRequest!.Shipment.ShouldBe(new Shipment("DHL", "JD0001"));
    }

    [Theory]
    [InlineData("PUT", "/api/products/LAMP-1", """{"name":"Lamp","unitPrice":10.00,"active":true,"reorderPoint":1}""")]
    [InlineData("POST", "/api/products/LAMP-1/stock-receipts", """{"quantity":5,"receiptId":"GRN-1"}""")]
    public async Task Product_write_answered_503_with_Retry_After_when_the_broker_hangs(string method, string path, string body)
    {
        using var client = factory.CreateClient(TestKeys.Operator);
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await client.SendAsync(request, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    /// <summary>The ingress with a broker that never confirms a publish, and the shortest publish timeout.</summary>
    public sealed class HangingBrokerApi : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Orders:PublishTimeoutSeconds", "1");
            builder.ConfigureTestServices(services => services.AddScoped(_ => HangingPublisher.Create()));
        }
    }

    /// <summary>An <see cref="IPublishEndpoint"/> whose every publish waits until it is cancelled, as on a broker that is away.</summary>
    public class HangingPublisher : DispatchProxy
    {
        public static IPublishEndpoint Create() => Create<IPublishEndpoint, HangingPublisher>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            Task.Delay(Timeout.Infinite, args?.OfType<CancellationToken>().LastOrDefault() ?? CancellationToken.None);
    }
}
