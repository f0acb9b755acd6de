using Backend.Contracts.Orders;
using Backend.Fulfilment.Tests.Infrastructure;
using Backend.Messaging;

using MassTransit;

namespace Backend.Fulfilment.Tests.Messaging;

public sealed class MessageSizeLimitTests
{
    [Fact]
    public async Task Faults_unread_and_stores_nothing_when_the_body_is_over_the_limit()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var submit = Messages.Submit("LAMP", 1) with
        {
            ShipTo = new ShippingAddress("US", new string('n', (int)new MessagingOptions().MaxMessageBytes)),
        };

        await fixture.Harness.Bus.Publish(submit);

        var fault = await fixture.Harness.PublishedAsync<ReceiveFault>(_ => true);
        fault.Exceptions.ShouldHaveSingleItem().ExceptionType.ShouldBe(typeof(MessageTooLargeException).FullName);
        fixture.Harness.Consumed.Select<SubmitOrder>(TestContext.Current.CancellationToken).ShouldBeEmpty();
        (await fixture.Orders.FindAsync(submit.OrderId, TestContext.Current.CancellationToken)).ShouldBeNull();
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(0);
    }
}
