using Backend.Api.OpenApi;
using Backend.Domain.Orders;

namespace Backend.Api.Orders;

public sealed record OrderSummary(
    Guid Id,
    string CustomerId,
    OrderStatus Status,
    [property: OneOfConstants(typeof(RejectionReason))] string? Reason,
    int LineCount,
    decimal? Total,
    string? Currency,
    DateTimeOffset AcceptedAt,
    DateTimeOffset UpdatedAt)
{
    public static OrderSummary From(Order order) => new(
        order.Id,
        order.CustomerId,
        order.Status,
        order.Reason,
        order.Lines.Count,
        order.Totals?.Total,
        order.Totals?.Currency,
        order.AcceptedAt,
        order.UpdatedAt);
}

public sealed record OrderListResponse(IReadOnlyList<OrderSummary> Items, int Page, int PageSize, long TotalCount);

public sealed record OrderAcceptedResponse(Guid Id, OrderStatus Status);
