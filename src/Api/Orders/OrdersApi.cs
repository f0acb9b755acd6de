using Backend.Api.Auth;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Backend.Api.Orders;

public static partial class OrdersApi
{
    public static RouteGroupBuilder MapOrders(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/orders")
            .WithTags("Orders")
            .RequireAuthorization(ApiPolicies.AnyKey)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/", SubmitOrderAsync)
            .WithName("SubmitOrder")
            .RequireAuthorization(ApiPolicies.Client)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{id:guid}", GetOrderAsync).WithName("GetOrder");
        group.MapPost("/{id:guid}/cancel", CancelOrderAsync)
            .WithName("CancelOrder")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/shipment", RecordShipmentAsync)
            .WithName("RecordShipment")
            .RequireAuthorization(ApiPolicies.Operator)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListOrdersAsync).WithName("ListOrders");
        return group;
    }

    public static string LocationOf(Guid id) => $"/api/orders/{id}";
}
