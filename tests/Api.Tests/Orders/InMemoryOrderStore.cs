using System.Collections.Concurrent;

using Backend.Domain.Orders;

namespace Backend.Api.Tests.Orders;

/// <summary>Just enough of a store for calling the handlers directly.</summary>
internal sealed class InMemoryOrderStore : IOrderStore
{
    private readonly ConcurrentDictionary<Guid, Order> _orders = new();

    public Task<AddOrderOutcome> TryAddAsync(Order order, CancellationToken cancellationToken)
    {
        lock (_orders)
        {
            if (order.Idempotency is { } key && _orders.Values.Any(o => o.CustomerId == order.CustomerId && o.Idempotency?.Key == key.Key))
            {
                return Task.FromResult(AddOrderOutcome.DuplicateIdempotencyKey);
            }

            return Task.FromResult(_orders.TryAdd(order.Id, order) ? AddOrderOutcome.Added : AddOrderOutcome.DuplicateId);
        }
    }

    public Task<Order?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(_orders.GetValueOrDefault(id));

    public Task<OrderStamp?> FindStampAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(_orders.TryGetValue(id, out var order) ? new OrderStamp(order.CustomerId, order.Status, order.Version) : null);

    public Task<Order?> FindByIdempotencyKeyAsync(string customerId, string key, CancellationToken cancellationToken) =>
        Task.FromResult(_orders.Values.SingleOrDefault(o => o.CustomerId == customerId && o.Idempotency?.Key == key));

    public Task<bool> TryUpdateAsync(Order order, long expectedVersion, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<OrderPage> ListAsync(OrderQuery query, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<Order>> FindSettlementPendingAsync(DateTimeOffset updatedBefore, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<Order>> FindPendingRequestsAsync(DateTimeOffset requestedBefore, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<Order>> FindStaleAsync(
        IReadOnlyCollection<OrderStatus> statuses, DateTimeOffset updatedBefore, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<Order>> FindAcceptedBeforeAsync(
        IReadOnlyCollection<OrderStatus> statuses, DateTimeOffset acceptedBefore, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<Order>> FindConfirmedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<int> RemoveIdempotencyKeysBeforeAsync(DateTimeOffset acceptedBefore, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<bool> PingAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
