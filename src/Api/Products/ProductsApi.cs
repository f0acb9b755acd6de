using Backend.Api.Auth;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Backend.Api.Products;

public static partial class ProductsApi
{
    public static RouteGroupBuilder MapProducts(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/products")
            .WithTags("Products")
            .RequireAuthorization(ApiPolicies.AnyKey)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", ListProductsAsync).WithName("ListProducts");
        group.MapGet("/{sku}", GetProductAsync).WithName("GetProduct");
        group.MapPut("/{sku}", UpsertProductAsync)
            .WithName("UpsertProduct")
            .RequireAuthorization(ApiPolicies.Operator);
        group.MapPost("/{sku}/stock-receipts", ReceiveStockAsync)
            .WithName("ReceiveStock")
            .RequireAuthorization(ApiPolicies.Operator);
        return group;
    }

    public static string LocationOf(string sku) => $"/api/products/{Uri.EscapeDataString(sku)}";
}
