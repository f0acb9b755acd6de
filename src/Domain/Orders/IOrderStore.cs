namespace Backend.Domain.Orders;

public enum AddOrderOutcome
{
    Added,
    /// <summary>An order with that id exists already (a redelivered or re-sent submission).</summary>
    DuplicateId,
    /// <summary>The customer used that Idempotency-Key for another order already.</summary>
    DuplicateIdempotencyKey,
}

/// <summary>
/// Filter and page for listing orders; newest first, ties broken by id so pages are stable. With
/// <paramref name="After"/> the page starts right after that order (keyset paging: every page costs the same however
/// deep), and <paramref name="Page"/> is ignored; without it, <paramref name="Page"/> counts from the newest (offset
/// paging, whose cost grows with the page number). <paramref name="CountTotal"/> asks for the number of matches too,
/// which reads every match.
/// </summary>
public sealed record OrderQuery(
    string? CustomerId = null,
    OrderStatus? Status = null,
    DateTimeOffset? AcceptedFrom = null,
    DateTimeOffset? AcceptedTo = null,
    int Page = 1,
    int PageSize = 20,
    OrderCursor? After = null,
    bool CountTotal = true);

/// <summary>A place in a listing: the sort keys of the order a page ends with.</summary>
public sealed record OrderCursor(DateTimeOffset AcceptedAt, Guid Id)
{
    public static OrderCursor Of(Order order) => new(order.AcceptedAt, order.Id);
}

/// <summary>A page of a listing; <paramref name="Next"/> is where the next page starts, null on the last page.</summary>
public sealed record OrderPage(IReadOnlyList<Order> Items, int Page, int PageSize, long? TotalCount, OrderCursor? Next = null);

/// <summary>What a conditional poll needs of an order, read without its document.</summary>
public sealed record OrderStamp(string CustomerId, OrderStatus Status, long Version);

public interface IOrderStore
{
    Task<AddOrderOutcome> TryAddAsync(Order order, CancellationToken cancellationToken);

    Task<Order?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The owner, status and version of an order, without reading its document; null when there is none.</summary>
    Task<OrderStamp?> FindStampAsync(Guid id, CancellationToken cancellationToken);

    Task<Order?> FindByIdempotencyKeyAsync(string customerId, string key, CancellationToken cancellationToken);

    /// <summary>Saves the order only if the stored one still has <paramref name="expectedVersion"/>; false when another writer won.</summary>
    Task<bool> TryUpdateAsync(Order order, long expectedVersion, CancellationToken cancellationToken);

    Task<OrderPage> ListAsync(OrderQuery query, CancellationToken cancellationToken);

    /// <summary>Orders in one of <paramref name="statuses"/> whose last change is older than <paramref name="updatedBefore"/>, oldest first.</summary>
    Task<IReadOnlyList<Order>> FindStaleAsync(
        IReadOnlyCollection<OrderStatus> statuses, DateTimeOffset updatedBefore, int limit, CancellationToken cancellationToken);

    /// <summary>Orders in one of <paramref name="statuses"/> accepted before <paramref name="acceptedBefore"/>, oldest first.</summary>
    Task<IReadOnlyList<Order>> FindAcceptedBeforeAsync(
        IReadOnlyCollection<OrderStatus> statuses, DateTimeOffset acceptedBefore, int limit, CancellationToken cancellationToken);

    /// <summary>Final orders still marked for settlement whose last change is older than <paramref name="updatedBefore"/>, oldest first.</summary>
    Task<IReadOnlyList<Order>> FindSettlementPendingAsync(DateTimeOffset updatedBefore, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Orders with a recorded request that has not taken effect (<see cref="Order.PendingRequestSince"/> before
    /// <paramref name="requestedBefore"/>), oldest request first. A final order can still be one: a shipment recorded
    /// behind a cancel stays pending until it is kept as a conflict.
    /// </summary>
    Task<IReadOnlyList<Order>> FindPendingRequestsAsync(DateTimeOffset requestedBefore, int limit, CancellationToken cancellationToken);

    /// <summary>Orders confirmed in [from, to), whatever their status now.</summary>
    Task<IReadOnlyList<Order>> FindConfirmedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets the Idempotency-Keys of orders accepted before <paramref name="acceptedBefore"/>: the orders stay, and
    /// a later submit with such a key makes a new order. Returns how many keys went.
    /// </summary>
    Task<int> RemoveIdempotencyKeysBeforeAsync(DateTimeOffset acceptedBefore, CancellationToken cancellationToken);

    /// <summary>True when the store answers; used by readiness checks.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}
