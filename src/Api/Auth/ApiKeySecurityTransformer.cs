using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Backend.Api.Auth;

/// <summary>
/// Declares the X-Api-Key scheme in the OpenAPI document, so the API page can send a key. No requirement is global:
/// each operation states its own, with its role (<see cref="OpenApi.AuthorizationTransformer"/>).
/// </summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiClaims.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiClaims.HeaderName,
            Description = "A client key (one customer's orders) or an operator key.",
        };
        return Task.CompletedTask;
    }
}
