using System.Globalization;

using Backend.Domain.Orders;
using Backend.Domain.Payments;
using Backend.Fulfilment.Payments;
using Backend.Fulfilment.Tests.Infrastructure;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Backend.Fulfilment.Tests.Payments;

/// <summary>The simulated gateway over a real SQLite ledger; a second gateway on another host is another process.</summary>
public sealed class SimulatedPaymentGatewayTests : IAsyncDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly SqliteStoreHost _store = new();

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    private SimulatedPaymentGateway Gateway(int flakyFailures = 2, Dictionary<string, decimal>? limits = null) =>
        new(
            _store.StartProcess().GetRequiredService<IPaymentLedger>(),
            Options.Create(new PaymentOptions { FlakyFailures = flakyFailures, CustomerLimits = limits ?? [] }),
            NullLogger<SimulatedPaymentGateway>.Instance);

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

    [Fact]
    public async Task Flaky_failures_counted_once_in_all_when_processes_take_turns()
    {
        var first = Gateway(flakyFailures: 2);
        var second = Gateway(flakyFailures: 2);
        var request = Request("tok_flaky");

        await Should.ThrowAsync<PaymentGatewayUnavailableException>(() => first.AuthorizeAsync(request, None));
        await Should.ThrowAsync<PaymentGatewayUnavailableException>(() => second.AuthorizeAsync(request, None));

        (await first.AuthorizeAsync(request, None)).Approved.ShouldBeTrue();
    }

    [Fact]
    public async Task Same_answer_when_a_restarted_process_is_asked_again()
    {
        var request = Request("tok_decline");
        var first = await Gateway().AuthorizeAsync(request, None);

        (await Gateway().AuthorizeAsync(request with { PaymentToken = "tok_visa" }, None)).ShouldBe(first);
    }

    [Fact]
    public async Task Exactly_one_authorization_stored_when_many_processes_authorize_one_order_at_once()
    {
        var gateways = Enumerable.Range(0, 4).Select(_ => Gateway()).ToList();
        var request = Request();

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(index =>
            Task.Run(() => gateways[index % gateways.Count].AuthorizeAsync(request, None), None)));

        results.Distinct().ShouldHaveSingleItem().ShouldBe(AuthorizationResult.Approve($"auth_{request.OrderId:N}"));
        (await Ledger().CountAuthorizationsAsync(request.OrderId, None)).ShouldBe(1);
    }

    [Fact]
    public async Task Void_and_capture_recorded_once_and_the_first_settlement_stands()
    {
        var gateway = Gateway();
        var voided = Request();
        var captured = Request();
        await gateway.AuthorizeAsync(voided, None);
        await gateway.AuthorizeAsync(captured, None);

        await gateway.VoidAsync(voided.OrderId, None);
        await Gateway().VoidAsync(voided.OrderId, None);
        await gateway.CaptureAsync(voided.OrderId, None);
        await gateway.CaptureAsync(captured.OrderId, None);
        await gateway.VoidAsync(captured.OrderId, None);

        (await Ledger().FindAsync(voided.OrderId, None))!.Settlement.ShouldBe(PaymentSettlement.Voided);
        (await Ledger().FindAsync(captured.OrderId, None))!.Settlement.ShouldBe(PaymentSettlement.Captured);
    }

    [Fact]
    public async Task Void_records_nothing_when_the_order_was_declined()
    {
        var gateway = Gateway();
        var request = Request("tok_decline");
        await gateway.AuthorizeAsync(request, None);

        await gateway.VoidAsync(request.OrderId, None);

        (await Ledger().FindAsync(request.OrderId, None))!.Settlement.ShouldBe(PaymentSettlement.None);
    }

    private IPaymentLedger Ledger() => _store.StartProcess().GetRequiredService<IPaymentLedger>();
}
