using System.Security.Claims;

using Backend.Api.Auth;
using Backend.Validation;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Backend.Api.Orders;

public static partial class OrdersApi
{
    public static async Task<Results<Ok<OrderListResponse>, ValidationProblem>> ListOrdersAsync(
        [AsParameters] ListOrdersQuery query,
        ClaimsPrincipal user,
        [AsParameters] OrderServices services,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (query.ToOrderQuery(ApiCaller.From(user), errors) is not { } orderQuery)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var page = await services.Store.ListAsync(orderQuery, cancellationToken);
        return TypedResults.Ok(new OrderListResponse(
            [.. page.Items.Select(OrderSummary.From)],
            orderQuery.CountTotal ? page.Page : null,
            page.PageSize,
            page.TotalCount,
            page.Next is { } next ? query.NextLink(next) : null));
    }
}
