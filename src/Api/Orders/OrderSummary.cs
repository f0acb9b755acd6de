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

/// <summary>
/// A page of a listing. <c>Next</c> links to the following page (null on the last); <c>Page</c> and
/// <c>TotalCount</c> are given only when the request named a page number.
/// </summary>
public sealed record OrderListResponse(IReadOnlyList<OrderSummary> Items, int? Page, int PageSize, long? TotalCount, string? Next);

public sealed record OrderAcceptedResponse(Guid Id, OrderStatus Status);
