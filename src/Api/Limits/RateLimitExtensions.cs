using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;

using Backend.Api.Auth;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Backend.Api.Limits;

internal static class RateLimitExtensions
{
    /// <summary>
    /// One fixed window per API key (the key's id, never the key), sized by the key's role; requests without a
    /// valid key share one per remote address. Runs after authentication, so a valid key is never counted against
    /// its address, and wrong keys tried in a burst are limited by where they come from.
    /// </summary>
    public static IHostApplicationBuilder AddApiRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var keyId = context.User.FindFirstValue(ApiClaims.KeyId);
        if (keyId is not null)
        {
            var isOperator = context.User.IsInRole(nameof(ApiRole.Operator));
            return Window($"key:{keyId}", isOperator ? limits.OperatorPermitLimit : limits.ClientPermitLimit, limits.Window);
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return Window($"address:{address}", limits.AnonymousPermitLimit, limits.Window);
    }

    private static RateLimitPartition<string> Window(string partition, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
            : (int)Math.Ceiling(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Window.TotalSeconds);
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This API key (or, without one, this address) sent more requests than its limit; try again in {retryAfter} s.",
            },
        });
    }
}
