using System.Globalization;

using Backend.Domain.Orders;
using Backend.Domain.Payments;
using Backend.Fulfilment.Payments;

using Microsoft.Extensions.Options;

namespace Backend.Fulfilment.Tests.Payments;

public sealed class SimulatedPaymentGatewayTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static SimulatedPaymentGateway Gateway(int flakyFailures = 2, Dictionary<string, decimal>? limits = null) =>
        new(Options.Create(new PaymentOptions { FlakyFailures = flakyFailures, CustomerLimits = limits ?? [] }));

    private static PaymentRequest Request(string token = "tok_visa", decimal amount = 100.00m, string customer = "customer-1") =>
        new(Guid.CreateVersion7(), customer, amount, "USD", token);

    [Fact]
    public async Task Approved_with_an_authorization_id_when_token_is_ordinary()
    {
        var request = Request();

        var result = await Gateway().AuthorizeAsync(request, None);

        result.ShouldBe(AuthorizationResult.Approve($"auth_{request.OrderId:N}"));
    }

    [Fact]
    public async Task Declined_as_PaymentDeclined_when_token_is_tok_decline()
    {
        var result = await Gateway().AuthorizeAsync(Request("tok_decline"), None);

        result.ShouldBe(AuthorizationResult.Decline(RejectionReason.PaymentDeclined));
    }

    [Fact]
    public async Task Unavailable_exactly_FlakyFailures_times_then_approved_when_token_is_tok_flaky()
    {
        var gateway = Gateway(flakyFailures: 3);
        var request = Request("tok_flaky");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await Should.ThrowAsync<PaymentGatewayUnavailableException>(() => gateway.AuthorizeAsync(request, None));
        }

        (await gateway.AuthorizeAsync(request, None)).Approved.ShouldBeTrue();
    }

    [Fact]
    public async Task Flaky_failures_counted_separately_when_orders_differ()
    {
        var gateway = Gateway(flakyFailures: 1);
        var first = Request("tok_flaky");
        await Should.ThrowAsync<PaymentGatewayUnavailableException>(() => gateway.AuthorizeAsync(first, None));

        await Should.ThrowAsync<PaymentGatewayUnavailableException>(() => gateway.AuthorizeAsync(Request("tok_flaky"), None));
        (await gateway.AuthorizeAsync(first, None)).Approved.ShouldBeTrue();
    }

    [Theory]
    [InlineData("10000.00", true)]
    [InlineData("10000.01", false)]
    public async Task Declined_as_LimitExceeded_only_when_total_is_above_the_default_limit(string amount, bool approved)
    {
        var result = await Gateway().AuthorizeAsync(Request(amount: decimal.Parse(amount, CultureInfo.InvariantCulture)), None);

        result.Approved.ShouldBe(approved);
        result.DeclineReason.ShouldBe(approved ? null : RejectionReason.LimitExceeded);
    }

    [Fact]
    public async Task Customer_limit_overrides_the_default_when_configured()
    {
        var gateway = Gateway(limits: new Dictionary<string, decimal> { ["small"] = 50.00m, ["big"] = 50_000.00m });

        (await gateway.AuthorizeAsync(Request(amount: 50.01m, customer: "small"), None))
            .DeclineReason.ShouldBe(RejectionReason.LimitExceeded);
        (await gateway.AuthorizeAsync(Request(amount: 20_000.00m, customer: "big"), None)).Approved.ShouldBeTrue();
        (await gateway.AuthorizeAsync(Request(amount: 20_000.00m, customer: "other"), None)).Approved.ShouldBeFalse();
    }

    [Fact]
    public async Task Same_answer_for_the_same_order_even_when_the_token_would_now_decide_otherwise()
    {
        var gateway = Gateway();
        var approved = Request("tok_visa");
        var declined = Request("tok_decline");
        var first = await gateway.AuthorizeAsync(approved, None);
        var firstDecline = await gateway.AuthorizeAsync(declined, None);

        (await gateway.AuthorizeAsync(approved with { PaymentToken = "tok_decline", Amount = 1_000_000m }, None)).ShouldBe(first);
        (await gateway.AuthorizeAsync(declined with { PaymentToken = "tok_visa" }, None)).ShouldBe(firstDecline);
        (await gateway.AuthorizeAsync(approved with { PaymentToken = "tok_flaky" }, None)).ShouldBe(first);
    }
}
