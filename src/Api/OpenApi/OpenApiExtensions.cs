using Backend.Api.Auth;
using Backend.Api.Limits;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

using Scalar.AspNetCore;

namespace Backend.Api.OpenApi;

public static class OpenApiExtensions
{
    /// <summary>
    /// <c>/openapi/v1.json</c>, completed from endpoint metadata: key requirement and role, problem responses,
    /// response headers, parsed parameters, request schemas as the validator sees them.
    /// </summary>
    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddDocumentTransformer<ApiKeySecurityTransformer>();
            options.AddOperationTransformer<ProblemResponsesTransformer>();
            options.AddOperationTransformer<AuthorizationTransformer>();
            options.AddOperationTransformer<ResponseHeadersTransformer>();
            options.AddOperationTransformer<ParsedParametersTransformer>();
            options.AddDocumentTransformer<RequestSchemaTransformer>();
            options.AddSchemaTransformer<ConstantsEnumTransformer>();
            options.AddDocumentTransformer<ConstantsEnumTransformer>();
            options.AddDocumentTransformer<TooManyRequestsResponseTransformer>();
        });

    /// <summary>The document and the API page (<c>/scalar</c>), which opens with the key scheme ready to fill in.</summary>
    public static IEndpointRouteBuilder MapApiDocument(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        endpoints.MapScalarApiReference(options => options
            .WithTitle(ApiDocumentTransformer.Title)
            .AddPreferredSecuritySchemes(ApiClaims.Scheme)
            .AddApiKeyAuthentication(ApiClaims.Scheme, scheme => scheme.Value = "")
            .EnablePersistentAuthentication());
        return endpoints;
    }

    /// <summary>Declares a header the response with <paramref name="statusCode"/> carries.</summary>
    public static TBuilder ProducesHeader<TBuilder>(
        this TBuilder builder, int statusCode, string name, string description, bool required = true, Type? type = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ResponseHeaderMetadata(statusCode, name, description, required, type));
}
