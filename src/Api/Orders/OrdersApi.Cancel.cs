using System.Security.Claims;

using Backend.Api.Auth;
using Backend.Contracts.Orders;
using Backend.Domain.Orders;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Backend.Api.Orders;

public static partial class OrdersApi
{
    public static async Task<Results<Accepted, NotFound, ProblemHttpResult>> CancelOrderAsync(
        Guid id,
        ClaimsPrincipal user,
        [AsParameters] OrderServices services,
        CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        var order = await services.Store.FindAsync(id, cancellationToken);
        if (order is null || !caller.MaySee(order.CustomerId))
        {
            return TypedResults.NotFound();
        }

        // Only a quick answer for the obvious case: the workers decide for real, since the order may move on
        // (ship, expire) before CancelOrder arrives.
        if (!order.CanMoveTo(OrderStatus.Cancelled))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Order can no longer be cancelled",
                detail: $"The order is {order.Status}.");
        }

        await services.Publisher.Publish(new CancelOrder(order.Id, caller.Name), cancellationToken);
        Log.CancelRequested(services.Logger, order.Id, caller.Name);
        return TypedResults.Accepted(LocationOf(order.Id));
    }
}
