using Backend.Domain.Orders;
using Backend.Domain.Payments;

using Microsoft.Extensions.DependencyInjection;

namespace Backend.Store.Tests;

public abstract partial class StoreContractTests
{
    private static readonly AuthorizationResult Approved = AuthorizationResult.Approve("auth-1");
    private static readonly AuthorizationResult Declined = AuthorizationResult.Decline(RejectionReason.PaymentDeclined);

    [Fact]
    public async Task Payment_is_unknown_when_nothing_was_recorded_for_the_order()
    {
        var order = Guid.CreateVersion7();

        (await Payments.FindAsync(order, Cancellation)).ShouldBeNull();
        (await Payments.CountAuthorizationsAsync(order, Cancellation)).ShouldBe(0);
    }

    [Fact]
    public async Task FindMany_returns_the_records_of_the_orders_asked_for_that_the_ledger_knows()
    {
        var approved = Guid.CreateVersion7();
        var declined = Guid.CreateVersion7();
        var other = Guid.CreateVersion7();
        await Payments.TryRecordAuthorizationAsync(approved, Approved, Cancellation);
        await Payments.TryRecordAuthorizationAsync(declined, Declined, Cancellation);
        await Payments.TryRecordAuthorizationAsync(other, Approved, Cancellation);

        var found = await Payments.FindManyAsync([approved, declined, Guid.CreateVersion7()], Cancellation);

        found.ShouldBe(
            [new PaymentRecord(approved, 0, Approved, PaymentSettlement.None), new PaymentRecord(declined, 0, Declined, PaymentSettlement.None)],
            ignoreOrder: true);
        (await Payments.FindManyAsync([], Cancellation)).ShouldBeEmpty();
    }

    [Fact]
    public async Task First_authorization_kept_when_another_is_recorded_for_the_same_order()
    {
        var order = Guid.CreateVersion7();

        (await Payments.TryRecordAuthorizationAsync(order, Approved, Cancellation)).ShouldBe(Approved);
        (await Payments.TryRecordAuthorizationAsync(order, Declined, Cancellation)).ShouldBe(Approved);
        (await Payments.TryRecordAuthorizationAsync(order, AuthorizationResult.Approve("auth-2"), Cancellation)).ShouldBe(Approved);

        (await Payments.FindAsync(order, Cancellation)).ShouldBe(new PaymentRecord(order, 0, Approved, PaymentSettlement.None));
        (await Payments.CountAuthorizationsAsync(order, Cancellation)).ShouldBe(1);
    }

    [Fact]
    public async Task Decline_kept_and_counted_as_no_authorization_when_an_approval_follows()
    {
        var order = Guid.CreateVersion7();

        (await Payments.TryRecordAuthorizationAsync(order, Declined, Cancellation)).ShouldBe(Declined);
        (await Payments.TryRecordAuthorizationAsync(order, Approved, Cancellation)).ShouldBe(Declined);

        (await Payments.CountAuthorizationsAsync(order, Cancellation)).ShouldBe(0);
    }

    [Fact]
    public async Task Attempts_counted_per_order_and_kept_when_the_authorization_is_recorded()
    {
        var order = Guid.CreateVersion7();
        var other = Guid.CreateVersion7();

        (await Payments.RecordAttemptAsync(order, Cancellation)).ShouldBe(1);
        (await Payments.RecordAttemptAsync(order, Cancellation)).ShouldBe(2);
        (await Payments.RecordAttemptAsync(other, Cancellation)).ShouldBe(1);
        await Payments.TryRecordAuthorizationAsync(order, Approved, Cancellation);
        (await Payments.RecordAttemptAsync(order, Cancellation)).ShouldBe(3);

        (await Payments.FindAsync(order, Cancellation)).ShouldBe(new PaymentRecord(order, 3, Approved, PaymentSettlement.None));
    }

    [Fact]
    public async Task Attempts_and_authorization_shared_when_a_second_process_uses_the_store()
    {
        var order = Guid.CreateVersion7();
        var second = (await StartHostAsync()).Services.GetRequiredService<IPaymentLedger>();

        await Payments.RecordAttemptAsync(order, Cancellation);
        (await second.RecordAttemptAsync(order, Cancellation)).ShouldBe(2);
        await second.TryRecordAuthorizationAsync(order, Approved, Cancellation);

        (await Payments.TryRecordAuthorizationAsync(order, Declined, Cancellation)).ShouldBe(Approved);
    }

    [Fact]
    public async Task Exactly_one_authorization_stored_when_many_are_recorded_at_once_from_two_processes()
    {
        var order = Guid.CreateVersion7();
        var ledgers = new[] { Payments, (await StartHostAsync()).Services.GetRequiredService<IPaymentLedger>() };

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(index => Task.Run(() =>
            ledgers[index % 2].TryRecordAuthorizationAsync(order, AuthorizationResult.Approve($"auth-{index}"), Cancellation), Cancellation)));

        results.Distinct().ShouldHaveSingleItem();
        (await Payments.CountAuthorizationsAsync(order, Cancellation)).ShouldBe(1);
        (await Payments.FindAsync(order, Cancellation))!.Authorization.ShouldBe(results[0]);
    }

    [Fact]
    public async Task Every_attempt_counted_when_many_are_recorded_at_once_from_two_processes()
    {
        var order = Guid.CreateVersion7();
        var ledgers = new[] { Payments, (await StartHostAsync()).Services.GetRequiredService<IPaymentLedger>() };

        var counts = await Task.WhenAll(Enumerable.Range(0, 20).Select(index => Task.Run(() =>
            ledgers[index % 2].RecordAttemptAsync(order, Cancellation), Cancellation)));

        counts.Order().ShouldBe(Enumerable.Range(1, 20));
    }

    [Fact]
    public async Task Void_settles_once_and_refuses_a_later_capture()
    {
        var order = Guid.CreateVersion7();
        await Payments.TryRecordAuthorizationAsync(order, Approved, Cancellation);

        (await Payments.SettleAsync(order, PaymentSettlement.Voided, Cancellation)).ShouldBe(SettlementOutcome.Settled);
        (await Payments.SettleAsync(order, PaymentSettlement.Voided, Cancellation)).ShouldBe(SettlementOutcome.AlreadySettled);
        (await Payments.SettleAsync(order, PaymentSettlement.Captured, Cancellation)).ShouldBe(SettlementOutcome.Conflict);

        (await Payments.FindAsync(order, Cancellation))!.Settlement.ShouldBe(PaymentSettlement.Voided);
    }

    [Fact]
    public async Task Capture_settles_once_and_refuses_a_later_void()
    {
        var order = Guid.CreateVersion7();
        await Payments.TryRecordAuthorizationAsync(order, Approved, Cancellation);

        (await Payments.SettleAsync(order, PaymentSettlement.Captured, Cancellation)).ShouldBe(SettlementOutcome.Settled);
        (await Payments.SettleAsync(order, PaymentSettlement.Captured, Cancellation)).ShouldBe(SettlementOutcome.AlreadySettled);
        (await Payments.SettleAsync(order, PaymentSettlement.Voided, Cancellation)).ShouldBe(SettlementOutcome.Conflict);

        (await Payments.FindAsync(order, Cancellation))!.Settlement.ShouldBe(PaymentSettlement.Captured);
    }

    [Fact]
    public async Task Settlement_changes_nothing_when_the_order_holds_no_approved_authorization()
    {
        var declined = Guid.CreateVersion7();
        var attemptedOnly = Guid.CreateVersion7();
        var unknown = Guid.CreateVersion7();
        await Payments.TryRecordAuthorizationAsync(declined, Declined, Cancellation);
        await Payments.RecordAttemptAsync(attemptedOnly, Cancellation);

        (await Payments.SettleAsync(declined, PaymentSettlement.Voided, Cancellation)).ShouldBe(SettlementOutcome.NotAuthorized);
        (await Payments.SettleAsync(attemptedOnly, PaymentSettlement.Voided, Cancellation)).ShouldBe(SettlementOutcome.NotAuthorized);
        (await Payments.SettleAsync(unknown, PaymentSettlement.Captured, Cancellation)).ShouldBe(SettlementOutcome.NotAuthorized);

        (await Payments.FindAsync(declined, Cancellation))!.Settlement.ShouldBe(PaymentSettlement.None);
        (await Payments.FindAsync(unknown, Cancellation)).ShouldBeNull();
    }

    [Fact]
    public async Task Settled_once_when_voids_race_from_two_processes()
    {
        var order = Guid.CreateVersion7();
        var ledgers = new[] { Payments, (await StartHostAsync()).Services.GetRequiredService<IPaymentLedger>() };
        await Payments.TryRecordAuthorizationAsync(order, Approved, Cancellation);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(index => Task.Run(() =>
            ledgers[index % 2].SettleAsync(order, PaymentSettlement.Voided, Cancellation), Cancellation)));

        outcomes.Count(outcome => outcome == SettlementOutcome.Settled).ShouldBe(1);
        outcomes.Count(outcome => outcome == SettlementOutcome.AlreadySettled).ShouldBe(9);
    }
}
