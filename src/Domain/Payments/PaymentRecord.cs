namespace Backend.Domain.Payments;

/// <summary>
/// What the ledger holds for one order: the attempts counted, the authorization once decided (approved or
/// declined), and its settlement.
/// </summary>
public sealed record PaymentRecord(Guid OrderId, int Attempts, AuthorizationResult? Authorization, PaymentSettlement Settlement);
