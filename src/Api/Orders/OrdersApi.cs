using Backend.Api.Auth;
using Backend.Api.OpenApi;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Backend.Api.Orders;

public static partial class OrdersApi
{
    private const string RetryAfterWhileInProgress = "Seconds to wait before polling again; sent while the order is Accepted or Reserved.";

    public static RouteGroupBuilder MapOrders(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/orders")
            .WithTags("Orders")
            .RequireAuthorization(ApiPolicies.AnyKey);

        group.MapPost("/", SubmitOrderAsync)
            .WithName("SubmitOrder")
            .RequireAuthorization(ApiPolicies.Client)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesHeader(StatusCodes.Status202Accepted, HeaderNames.Location, "The order, to poll.")
            .ProducesHeader(StatusCodes.Status202Accepted, HeaderNames.RetryAfter, "Seconds to wait before the first poll.", type: typeof(int))
            .ProducesHeader(
                StatusCodes.Status202Accepted, ApiHeaders.IdempotentReplayed,
                $"\"true\" when this answers an earlier request with the same {ApiHeaders.IdempotencyKey} and body.", required: false);
        group.MapGet("/{id:guid}", GetOrderAsync)
            .WithName("GetOrder")
            .ProducesHeader(StatusCodes.Status200OK, HeaderNames.ETag, "The order's version, for If-None-Match.")
            .ProducesHeader(StatusCodes.Status200OK, HeaderNames.RetryAfter, RetryAfterWhileInProgress, required: false, type: typeof(int))
            .ProducesHeader(StatusCodes.Status304NotModified, HeaderNames.ETag, "The order's version, unchanged.")
            .ProducesHeader(StatusCodes.Status304NotModified, HeaderNames.RetryAfter, RetryAfterWhileInProgress, required: false, type: typeof(int));
        group.MapPost("/{id:guid}/cancel", CancelOrderAsync)
            .WithName("CancelOrder")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesHeader(StatusCodes.Status202Accepted, HeaderNames.Location, "The order, to poll until it reads Cancelled.");
        group.MapPost("/{id:guid}/shipment", RecordShipmentAsync)
            .WithName("RecordShipment")
            .RequireAuthorization(ApiPolicies.Operator)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesHeader(StatusCodes.Status202Accepted, HeaderNames.Location, "The order, to poll until it reads Shipped.");
        group.MapGet("/", ListOrdersAsync).WithName("ListOrders");
        return group;
    }

    public static string LocationOf(Guid id) => $"/api/orders/{id}";
}
