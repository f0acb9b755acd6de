using Backend.Api.Auth;
using Backend.Api.OpenApi;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Backend.Api.Products;

public static partial class ProductsApi
{
    public static RouteGroupBuilder MapProducts(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/products")
            .WithTags("Products")
            .RequireAuthorization(ApiPolicies.AnyKey);

        group.MapGet("/", ListProductsAsync).WithName("ListProducts");
        group.MapGet("/{sku}", GetProductAsync).WithName("GetProduct");
        group.MapPut("/{sku}", UpsertProductAsync)
            .WithName("UpsertProduct")
            .RequireAuthorization(ApiPolicies.Operator)
            .ProducesHeader(StatusCodes.Status202Accepted, HeaderNames.Location, "The product, to read once the change is applied.");
        group.MapPost("/{sku}/stock-receipts", ReceiveStockAsync)
            .WithName("ReceiveStock")
            .RequireAuthorization(ApiPolicies.Operator)
            .ProducesHeader(StatusCodes.Status202Accepted, HeaderNames.Location, "The product, to read once the receipt is counted.");
        return group;
    }

    public static string LocationOf(string sku) => $"/api/products/{Uri.EscapeDataString(sku)}";
}
