using System.Globalization;
using System.Security.Claims;

using Backend.Api.Auth;
using Backend.Domain.Orders;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Backend.Api.Orders;

public static partial class OrdersApi
{
    public static async Task<Results<WithHeaders<Ok<OrderView>>, WithHeaders<NotModified>, NotFound>> GetOrderAsync(
        Guid id,
        [FromHeader(Name = "If-None-Match")] string? ifNoneMatch,
        ClaimsPrincipal user,
        [AsParameters] OrderServices services,
        CancellationToken cancellationToken)
    {
        // A conditional poll is answered from the order's version alone while the order has not changed, without
        // reading or writing its document.
        if (!string.IsNullOrWhiteSpace(ifNoneMatch))
        {
            var stamp = await services.Store.FindStampAsync(id, cancellationToken);
            if (stamp is null || !ApiCaller.From(user).MaySee(stamp.CustomerId))
            {
                return TypedResults.NotFound();
            }

            var current = ETagOf(stamp.Version);
            if (Matches(ifNoneMatch, current))
            {
                return new WithHeaders<NotModified>(NotModified.Instance, Headers(current, stamp.Status, services));
            }
        }

        var order = await services.Store.FindAsync(id, cancellationToken);

        // Another customer's order answers exactly like a missing one, so ids cannot be probed.
        if (order is null || !ApiCaller.From(user).MaySee(order.CustomerId))
        {
            return TypedResults.NotFound();
        }

        var etag = ETagOf(order);
        var headers = Headers(etag, order.Status, services);
        return Matches(ifNoneMatch, etag)
            ? new WithHeaders<NotModified>(NotModified.Instance, headers)
            : new WithHeaders<Ok<OrderView>>(TypedResults.Ok(OrderView.From(order)), headers);
    }

    private static Dictionary<string, string> Headers(EntityTagHeaderValue etag, OrderStatus status, OrderServices services)
    {
        var headers = new Dictionary<string, string> { [HeaderNames.ETag] = etag.ToString() };
        if (status.IsInProgress())
        {
            headers[HeaderNames.RetryAfter] = services.Options.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return headers;
    }

    public static EntityTagHeaderValue ETagOf(Order order) => ETagOf(order.Version);

    private static EntityTagHeaderValue ETagOf(long version) =>
        new($"\"{version.ToString(CultureInfo.InvariantCulture)}\"");

    private static bool Matches(string? ifNoneMatch, EntityTagHeaderValue etag) =>
        !string.IsNullOrWhiteSpace(ifNoneMatch)
        && EntityTagHeaderValue.TryParseList([ifNoneMatch], out var candidates)
        && candidates.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(etag, useStrongComparison: false));
}
