using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Backend.Api.Auth;

internal static class AuthExtensions
{
    /// <summary>API-key authentication from <c>Auth:ApiKeys</c>, and the Client, Operator and AnyKey policies.</summary>
    public static IHostApplicationBuilder AddApiKeyAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiKeyOptions>()
            .BindConfiguration(ApiKeyOptions.SectionName)
            .PostConfigure(options =>
            {
                // A key given as itself is held as its hash, like every other.
                foreach (var entry in options.ApiKeys.Where(entry => entry.Key is not null && string.IsNullOrEmpty(entry.KeyHash)))
                {
                    entry.KeyHash = ApiKeyHash.Compute(entry.Key!);
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>());

        builder.Services.AddAuthentication(ApiClaims.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiClaims.Scheme, configureOptions: null);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.AnyKey, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(ApiPolicies.Client, policy => policy.RequireRole(nameof(ApiRole.Client)).RequireClaim(ApiClaims.CustomerId))
            .AddPolicy(ApiPolicies.Operator, policy => policy.RequireRole(nameof(ApiRole.Operator)));
        return builder;
    }
}
