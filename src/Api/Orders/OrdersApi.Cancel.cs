using System.Security.Claims;

using Backend.Api.Auth;
using Backend.Contracts.Orders;
using Backend.Domain.Orders;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Backend.Api.Orders;

public static partial class OrdersApi
{
    public static async Task<Results<Accepted, NotFound, ProblemHttpResult, ServiceUnavailable>> CancelOrderAsync(
        Guid id,
        ClaimsPrincipal user,
        [AsParameters] OrderServices services,
        CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        var now = services.Clock.GetUtcNow();
        var outcome = await RecordRequestAsync(
            id, order => caller.MaySee(order.CustomerId), OrderStatus.Cancelled, order => order.RequestCancel(caller.Name, now),
            services, cancellationToken);
        if (outcome.Order is not { CancelRequest: { } request } order)
        {
            return outcome.NotFound ? TypedResults.NotFound() : outcome.Conflict is { } conflict ? conflict : outcome.Unavailable();
        }

        // The cancel is on the order document now (the document is the outbox): a publish that fails or times out
        // still answers 202, and the re-drive job sends it once the broker is back. The workers decide for real,
        // since the order may move on (ship, expire) before CancelOrder arrives.
        await services.Publisher.TryPublishAsync(
            new CancelOrder(order.Id, request.RequestedBy), services.Options.Value.PublishTimeoutSeconds,
            exception => Log.RequestPublishFailed(services.Logger, order.Id, nameof(CancelOrder), exception), cancellationToken);
        Log.CancelRequested(services.Logger, order.Id, caller.Name);
        return TypedResults.Accepted(LocationOf(order.Id));
    }

    /// <summary>
    /// Records a request on the order over the version it read, reading again when another writer came first; a
    /// repeated request finds the first one recorded and is answered the same.
    /// </summary>
    private static async Task<RequestOutcome> RecordRequestAsync(
        Guid id, Func<Order, bool> visible, OrderStatus target, Func<Order, Order> record, OrderServices services,
        CancellationToken cancellationToken)
    {
        const int attempts = 5;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var order = await services.Store.FindAsync(id, cancellationToken);
            if (order is null || !visible(order))
            {
                return new RequestOutcome(null, NotFound: true, null, services);
            }

            // Only a quick answer for the obvious case; the workers decide for real.
            if (!order.CanMoveTo(target))
            {
                return new RequestOutcome(null, NotFound: false, TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: target == OrderStatus.Cancelled ? "Order can no longer be cancelled" : "Only a confirmed order can ship",
                    detail: $"The order is {order.Status}."), services);
            }

            var recorded = record(order);
            if (recorded.Version == order.Version || await services.Store.TryUpdateAsync(recorded, order.Version, cancellationToken))
            {
                return new RequestOutcome(recorded, NotFound: false, null, services);
            }
        }

        // The workers moved the order on that many times while this request was being recorded: nothing is
        // recorded, and a moment later the same request is either recorded or answered 409.
        return new RequestOutcome(null, NotFound: false, null, services);
    }

    private sealed record RequestOutcome(Order? Order, bool NotFound, ProblemHttpResult? Conflict, OrderServices Services)
    {
        public ServiceUnavailable Unavailable() => new(
            "The order changed while the request was being recorded; nothing was recorded, send it again.",
            Services.Options.Value.RetryAfterSeconds);
    }
}
