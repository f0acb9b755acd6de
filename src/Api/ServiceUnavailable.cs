using System.Globalization;
using System.Reflection;

using Backend.Api.OpenApi;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Backend.Api;

/// <summary>
/// 503 problem details with <c>Retry-After</c>: what a request gets when the broker or store could not take it in
/// time. Nothing was changed, so sending the same request again is safe.
/// </summary>
public sealed class ServiceUnavailable(string detail, int retryAfterSeconds) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status503ServiceUnavailable;

    public string Detail => detail;

    public int RetryAfterSeconds => retryAfterSeconds;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Try again shortly", detail: detail)
            .ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(
            StatusCodes.Status503ServiceUnavailable, typeof(ProblemDetails), ["application/problem+json"]));
        builder.Metadata.Add(new ResponseHeaderMetadata(
            StatusCodes.Status503ServiceUnavailable, HeaderNames.RetryAfter, "Seconds to wait before sending the same request again.", Type: typeof(int)));
    }
}
