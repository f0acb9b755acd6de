using Backend.Domain.Payments;

namespace Backend.Store;

/// <summary>The settlement rule both adapters apply to the record they hold.</summary>
internal static class PaymentSettlements
{
    public static SettlementOutcome Decide(PaymentRecord? stored, PaymentSettlement requested) => stored switch
    {
        null or { Authorization: null or { Approved: false } } => SettlementOutcome.NotAuthorized,
        { Settlement: PaymentSettlement.None } => SettlementOutcome.Settled,
        { Settlement: var settled } when settled == requested => SettlementOutcome.AlreadySettled,
        _ => SettlementOutcome.Conflict,
    };
}
