using System.Security.Claims;

using Backend.Api.Auth;
using Backend.Api.Orders;
using Backend.Contracts.Orders;
using Backend.Domain.Orders;

using MassTransit;
using MassTransit.Testing;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Backend.Api.Tests.Orders;

/// <summary>The order handlers called directly, with an in-memory store, a fake clock and MassTransit's harness.</summary>
public sealed class OrdersApiHandlerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 8, 30, 0, TimeSpan.Zero);
    private static readonly ClaimsPrincipal Customer = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Role, nameof(ApiRole.Client)), new Claim(ApiClaims.CustomerId, "customer-unit")], ApiClaims.Scheme));

    private readonly InMemoryOrderStore _store = new();
    private readonly ServiceProvider _provider = new ServiceCollection().AddMassTransitTestHarness().BuildServiceProvider(true);

    private ITestHarness Harness => _provider.GetRequiredService<ITestHarness>();

    public async ValueTask InitializeAsync() => await Harness.Start();

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task Accepted_at_the_clock_time_when_the_order_is_valid()
    {
        var result = await OrdersApi.SubmitOrderAsync(ValidRequest(), null, Customer, Services(), TestContext.Current.CancellationToken);

        var accepted = result.Result.ShouldBeOfType<WithHeaders<Accepted<OrderAcceptedResponse>>>();
        accepted.StatusCode.ShouldBe(StatusCodes.Status202Accepted);
        accepted.Headers["Retry-After"].ShouldBe("7");
        var order = await _store.FindAsync(accepted.Inner.Value!.Id, TestContext.Current.CancellationToken);
        order!.AcceptedAt.ShouldBe(Now);
        order.CustomerId.ShouldBe("customer-unit");
        (await Harness.Published.Any<SubmitOrder>(
            message => message.Context.Message.OrderId == order.Id && message.Context.Message.SubmittedAt == Now,
            TestContext.Current.CancellationToken)).ShouldBeTrue();
    }

    [Fact]
    public async Task Validation_problem_naming_every_bad_field_when_the_order_is_invalid()
    {
        var request = new SubmitOrderRequest([new OrderLineRequest("bad sku", 0)], " ", new ShipToRequest("U", null, null, null, null));

        var result = await OrdersApi.SubmitOrderAsync(request, "", Customer, Services(), TestContext.Current.CancellationToken);

        var problem = result.Result.ShouldBeOfType<ValidationProblem>();
        problem.ProblemDetails.Errors.Keys.ShouldBe(
            ["lines[0].sku", "lines[0].quantity", "paymentToken", "shipTo.country", ApiHeaders.IdempotencyKey], ignoreOrder: true);
    }

    [Fact]
    public async Task Accepted_when_publishing_fails_after_the_order_is_stored()
    {
        var services = Services() with { Publisher = FailingPublisher.Create() };

        var result = await OrdersApi.SubmitOrderAsync(ValidRequest(), null, Customer, services, TestContext.Current.CancellationToken);

        var accepted = result.Result.ShouldBeOfType<WithHeaders<Accepted<OrderAcceptedResponse>>>();
        (await _store.FindAsync(accepted.Inner.Value!.Id, TestContext.Current.CancellationToken))!.Status.ShouldBe(OrderStatus.Accepted);
    }

    [Fact]
    public async Task Not_modified_when_any_etag_in_the_list_matches()
    {
        var submitted = await OrdersApi.SubmitOrderAsync(ValidRequest(), null, Customer, Services(), TestContext.Current.CancellationToken);
        var id = submitted.Result.ShouldBeOfType<WithHeaders<Accepted<OrderAcceptedResponse>>>().Inner.Value!.Id;

        var result = await OrdersApi.GetOrderAsync(id, "\"7\", W/\"1\"", Customer, Services(), TestContext.Current.CancellationToken);

        var notModified = result.Result.ShouldBeOfType<WithHeaders<NotModified>>();
        notModified.Headers["ETag"].ShouldBe("\"1\"");
        notModified.Headers["Retry-After"].ShouldBe("7");
    }

    private OrderServices Services() => new(
        _store,
        _provider.GetRequiredService<IBus>(),
        new FakeTimeProvider(Now),
        Options.Create(new OrdersApiOptions { RetryAfterSeconds = 7 }),
        NullLogger<OrderServices>.Instance);

    private static SubmitOrderRequest ValidRequest() =>
        new([new OrderLineRequest("SKU-1", 2)], "tok_visa", new ShipToRequest("gb", "Ada", null, null, null));
}
