namespace Backend.Messaging;

/// <summary>
/// The queues other systems publish to, each with an exchange of the same name bound to it. These names are a
/// public contract (docs/messaging.md): they never follow a class or namespace rename.
/// </summary>
public static class QueueNames
{
    public const string SubmitOrder = "submit-order";
    public const string CancelOrder = "cancel-order";
    public const string ExpireOrder = "expire-order";
    public const string UpsertProduct = "upsert-product";
    public const string StockReplenished = "stock-replenished";
    public const string ShipmentDispatched = "shipment-dispatched";

    /// <summary>Every queue a consumer of the workers reads; each has an <c>_error</c> and a <c>_skipped</c> queue beside it.</summary>
    public static IReadOnlyList<string> All { get; } = [SubmitOrder, CancelOrder, ExpireOrder, UpsertProduct, StockReplenished, ShipmentDispatched];

    /// <summary>Where MassTransit moves a message that failed for good, with the reason in its headers.</summary>
    public static string ErrorQueue(string queue) => queue + "_error";
}
