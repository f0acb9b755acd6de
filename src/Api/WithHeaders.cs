using System.Reflection;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Backend.Api;

/// <summary>
/// A typed result plus response headers (Location aside, TypedResults cannot carry any), so a handler stays a
/// function of its inputs and a unit test reads the headers off the returned value.
/// </summary>
public sealed class WithHeaders<TResult>(TResult result, IReadOnlyDictionary<string, string> headers)
    : IResult, INestedHttpResult, IStatusCodeHttpResult, IEndpointMetadataProvider
    where TResult : IResult, IEndpointMetadataProvider
{
    public TResult Inner => result;

    public IReadOnlyDictionary<string, string> Headers => headers;

    public int? StatusCode => (result as IStatusCodeHttpResult)?.StatusCode;

    IResult INestedHttpResult.Result => result;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        foreach (var (name, value) in headers)
        {
            httpContext.Response.Headers[name] = value;
        }

        return result.ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        TResult.PopulateMetadata(method, builder);
}
