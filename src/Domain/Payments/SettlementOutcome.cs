namespace Backend.Domain.Payments;

public enum SettlementOutcome
{
    /// <summary>This call settled the authorization.</summary>
    Settled,

    /// <summary>An earlier call settled it the same way.</summary>
    AlreadySettled,

    /// <summary>No approved authorization is stored for the order: nothing to settle.</summary>
    NotAuthorized,

    /// <summary>It was settled the other way before; nothing changed.</summary>
    Conflict,
}
