namespace Backend.Api.Tests.Infrastructure;

/// <summary>
/// Fails the request of any test whose response departs from <c>docs/openapi.json</c>, so every API test also
/// proves the document on the paths it takes.
/// </summary>
public sealed class ConformanceHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var violations = await OpenApiConformance.ViolationsAsync(request, response);
        if (violations.Count > 0)
        {
            response.Dispose();
            throw new OpenApiViolationException(string.Join("\n", violations));
        }

        return response;
    }
}
