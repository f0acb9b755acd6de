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
        var order = await services.Store.FindAsync(id, cancellationToken);

        // Another customer's order answers exactly like a missing one, so ids cannot be probed.
        if (order is null || !ApiCaller.From(user).MaySee(order.CustomerId))
        {
            return TypedResults.NotFound();
        }

        var etag = ETagOf(order);
        var headers = new Dictionary<string, string> { [HeaderNames.ETag] = etag.ToString() };
        if (order.Status.IsInProgress())
        {
            headers[HeaderNames.RetryAfter] = services.Options.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return Matches(ifNoneMatch, etag)
            ? new WithHeaders<NotModified>(NotModified.Instance, headers)
            : new WithHeaders<Ok<OrderView>>(TypedResults.Ok(OrderView.From(order)), headers);
    }

    public static EntityTagHeaderValue ETagOf(Order order) =>
        new($"\"{order.Version.ToString(CultureInfo.InvariantCulture)}\"");

    private static bool Matches(string? ifNoneMatch, EntityTagHeaderValue etag) =>
        !string.IsNullOrWhiteSpace(ifNoneMatch)
        && EntityTagHeaderValue.TryParseList([ifNoneMatch], out var candidates)
        && candidates.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(etag, useStrongComparison: false));
}
