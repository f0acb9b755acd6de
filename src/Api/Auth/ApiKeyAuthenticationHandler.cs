using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Api.Auth;

/// <summary>Authenticates the <c>X-Api-Key</c> header against the configured key hashes.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptionsMonitor<ApiKeyOptions> keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[ApiClaims.HeaderName].ToString();
        if (string.IsNullOrEmpty(presented))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var entry = FindEntry(SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
        if (entry is null)
        {
            Log.UnknownApiKey(Logger);
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        List<Claim> claims = [new(ClaimTypes.Role, entry.Role.ToString()), new(ApiClaims.KeyId, entry.KeyHash[..16])];
        if (!string.IsNullOrWhiteSpace(entry.CustomerId))
        {
            claims.Add(new Claim(ApiClaims.CustomerId, entry.CustomerId));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = ApiClaims.Scheme;
        await WriteProblemAsync($"Send a valid API key in the {ApiClaims.HeaderName} header.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync("This API key's role may not use this endpoint.");
    }

    // Every configured hash is compared, in constant time, so the response time tells nothing about the keys.
    private ApiKeyEntry? FindEntry(byte[] presentedHash)
    {
        ApiKeyEntry? match = null;
        foreach (var entry in keys.CurrentValue.ApiKeys)
        {
            if (CryptographicOperations.FixedTimeEquals(presentedHash, Convert.FromHexString(entry.KeyHash)))
            {
                match = entry;
            }
        }

        return match;
    }

    private Task WriteProblemAsync(string detail) =>
        Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = Response.StatusCode, Detail = detail },
        }).AsTask();
}
