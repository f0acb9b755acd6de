namespace Backend.Domain.Payments;

public enum PaymentSettlement
{
    None,
    Voided,
    Captured,
}
