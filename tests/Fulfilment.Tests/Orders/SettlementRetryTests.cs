using Backend.Contracts.Orders;
using Backend.Domain.Orders;
using Backend.Domain.Payments;
using Backend.Fulfilment.Payments;
using Backend.Fulfilment.Tests.Infrastructure;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Backend.Fulfilment.Tests.Orders;

/// <summary>An order ended and saved whose settlement (release, void) fails once and is repeated by the retry.</summary>
public sealed class SettlementRetryTests
{
    [Fact]
    public async Task Stock_released_and_void_repeated_when_the_first_void_after_a_decline_fails()
    {
        await using var fixture = await StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var submit = Messages.Submit("LAMP", 4, token: "tok_decline");

        await fixture.Harness.Bus.Publish(submit);

        await fixture.Harness.ConsumedSuccessfullyAsync<SubmitOrder>(message => message.OrderId == submit.OrderId);
        (await fixture.OrderAsync(submit.OrderId)).Reason.ShouldBe(RejectionReason.PaymentDeclined);
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(0);
        fixture.Services.GetRequiredService<VoidFailsOnceGateway>().Voids.ShouldBe(2);
    }

    [Fact]
    public async Task OrderRejected_published_when_the_first_void_after_a_decline_fails()
    {
        await using var fixture = await StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var submit = Messages.Submit("LAMP", 4, token: "tok_decline");

        await fixture.Harness.Bus.Publish(submit);

        await fixture.Harness.ConsumedSuccessfullyAsync<SubmitOrder>(message => message.OrderId == submit.OrderId);
        fixture.Harness.PublishedSoFar<OrderRejected>(message => message.OrderId == submit.OrderId).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task OrderCancelled_published_when_the_first_void_after_a_cancel_fails()
    {
        await using var fixture = await StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var orderId = await fixture.SubmitConfirmedAsync("LAMP", 4);

        await fixture.Harness.Bus.Publish(new CancelOrder(orderId, "customer-1"));

        await fixture.Harness.ConsumedSuccessfullyAsync<CancelOrder>(message => message.OrderId == orderId);
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(0);
        fixture.Harness.PublishedSoFar<OrderCancelled>(message => message.OrderId == orderId).ShouldHaveSingleItem();
    }

    private static Task<FulfilmentHarness> StartAsync() => FulfilmentHarness.StartAsync(replace: services =>
    {
        services.AddSingleton<SimulatedPaymentGateway>();
        services.AddSingleton<VoidFailsOnceGateway>();
        services.Replace(ServiceDescriptor.Singleton<IPaymentGateway>(provider => provider.GetRequiredService<VoidFailsOnceGateway>()));
    });
}
