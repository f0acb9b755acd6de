using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Backend.Api.Orders;

/// <summary>Puts the order id of a request to <c>/api/orders/{id}…</c> into the logging scope of the request.</summary>
internal sealed class OrderLogScope(RequestDelegate next, ILogger<OrderLogScope> logger)
{
    public const string ScopeKey = "OrderId";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.RouteValues.TryGetValue("id", out var value) && Guid.TryParse(value?.ToString(), out var orderId)
            && context.Request.Path.StartsWithSegments("/api/orders"))
        {
            using (logger.BeginScope(new Dictionary<string, object> { [ScopeKey] = orderId }))
            {
                await next(context);
            }

            return;
        }

        await next(context);
    }
}
