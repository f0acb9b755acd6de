using Backend.Api.Auth;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Backend.Api.OpenApi;

/// <summary>
/// Declares each operation's key requirement from its authorization metadata: the API-key scheme with the roles
/// its policies require (OpenAPI 3.1 lets a requirement list roles), a sentence in its description, 401 with
/// <c>WWW-Authenticate</c>, and 403 only where a role is required. A route needs nothing more than
/// <c>RequireAuthorization(policy)</c> to be documented right.
/// </summary>
internal sealed class AuthorizationTransformer(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        operation.Responses ??= [];
        if (authorize.Count == 0 || metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Description = Join("No API key needed.", operation.Description);
            return;
        }

        var roles = await RequiredRolesAsync(authorize);
        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiClaims.Scheme, context.Document)] = [.. roles] },
        ];
        operation.Description = Join(
            roles.Count == 0
                ? $"Any API key ({string.Join(" or ", Enum.GetNames<ApiRole>())}) in {ApiClaims.HeaderName}."
                : $"Role: {string.Join(" or ", roles)}. Needs an API key with that role in {ApiClaims.HeaderName}; any other key gets 403.",
            operation.Description);

        var unauthorized = ProblemResponse.Create($"No {ApiClaims.HeaderName} header, or an unknown key.", context.Document);
        unauthorized.Headers = new Dictionary<string, IOpenApiHeader>
        {
            [HeaderNames.WWWAuthenticate] = new OpenApiHeader
            {
                Description = $"The scheme to authenticate with: {ApiClaims.Scheme}.",
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        };
        operation.Responses[StatusCodes.Status401Unauthorized.ToString(System.Globalization.CultureInfo.InvariantCulture)] = unauthorized;
        var forbidden = StatusCodes.Status403Forbidden.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (roles.Count == 0)
        {
            operation.Responses.Remove(forbidden);
        }
        else
        {
            operation.Responses[forbidden] = ProblemResponse.Create("The key's role may not use this operation.", context.Document);
        }
    }

    /// <summary>The roles every policy on the endpoint admits (each must pass); empty when any key will do.</summary>
    private async Task<IReadOnlyList<string>> RequiredRolesAsync(IEnumerable<IAuthorizeData> authorize)
    {
        IEnumerable<string>? roles = null;
        foreach (var data in authorize)
        {
            var policy = data.Policy is null ? await policies.GetDefaultPolicyAsync() : await policies.GetPolicyAsync(data.Policy);
            var allowed = (policy?.Requirements ?? []).OfType<RolesAuthorizationRequirement>().Select(requirement => requirement.AllowedRoles);
            if (!string.IsNullOrEmpty(data.Roles))
            {
                allowed = allowed.Append(data.Roles.Split(',', StringSplitOptions.TrimEntries));
            }

            foreach (var set in allowed)
            {
                roles = roles is null ? set : roles.Intersect(set);
            }
        }

        return [.. roles ?? []];
    }

    private static string Join(string first, string? rest) => string.IsNullOrEmpty(rest) ? first : $"{first}\n\n{rest}";
}
