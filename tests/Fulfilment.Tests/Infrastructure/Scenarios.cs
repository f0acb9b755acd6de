using Backend.Contracts.Orders;
using Backend.Contracts.Shipping;

namespace Backend.Fulfilment.Tests.Infrastructure;

/// <summary>Steps that bring an order to where a test starts from, through the consumers themselves.</summary>
public static class Scenarios
{
    public static async Task<Guid> SubmitConfirmedAsync(this FulfilmentHarness fixture, string sku, int quantity)
    {
        var submit = Messages.Submit(sku, quantity);
        await fixture.Harness.Bus.Publish(submit);
        await fixture.Harness.PublishedAsync<OrderConfirmed>(message => message.OrderId == submit.OrderId);
        return submit.OrderId;
    }

    public static async Task<Guid> SubmitRejectedAsync(this FulfilmentHarness fixture, string sku, int quantity)
    {
        var submit = Messages.Submit(sku, quantity, token: "tok_decline");
        await fixture.Harness.Bus.Publish(submit);
        await fixture.Harness.PublishedAsync<OrderRejected>(message => message.OrderId == submit.OrderId);
        return submit.OrderId;
    }

    public static async Task ShipAsync(this FulfilmentHarness fixture, Guid orderId)
    {
        await fixture.Harness.Bus.Publish(new ShipmentDispatched(orderId, "DHL", "TRACK-1"));
        await fixture.Harness.PublishedAsync<OrderShipped>(message => message.OrderId == orderId);
    }
}
