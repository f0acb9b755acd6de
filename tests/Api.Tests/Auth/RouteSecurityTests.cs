using System.Net;

using Backend.Api.Auth;
using Backend.Api.Tests.Infrastructure;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Api.Tests.Auth;

/// <summary>
/// Every route the host maps, read from its endpoint data source, so a route added later is checked without
/// anyone listing it: each refuses a request without a key, and each operator route refuses a client key.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RouteSecurityTests(ApiFactory factory)
{
    // What the README documents as open: health probes, the API document, and the API reference page with its assets.
    private static readonly HashSet<string> DocumentedPublicRoutes =
    [
        "GET /health/live",
        "GET /health/ready",
        "GET /openapi/{documentName}.json",
    ];

    private const string ApiReferencePrefix = "GET /scalar/";

    [Fact]
    public void Only_the_documented_routes_are_open_when_the_routes_are_listed()
    {
        var open = Routes().Where(route => !route.NeedsKey).Select(route => route.Name).ToList();

        open.Where(name => !name.StartsWith(ApiReferencePrefix, StringComparison.Ordinal))
            .ShouldBe(DocumentedPublicRoutes, ignoreOrder: true);
        open.ShouldContain("GET /scalar/{documentName?}");
    }

    [Fact]
    public async Task Every_open_route_answers_without_a_key()
    {
        using var client = factory.CreateClient();

        foreach (var route in Routes().Where(route => !route.NeedsKey))
        {
            using var response = await client.SendAsync(route.Request(), TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBe(HttpStatusCode.OK, route.Name);
        }
    }

    [Fact]
    public async Task Unauthorized_on_every_keyed_route_when_no_key_is_sent()
    {
        using var client = factory.CreateClient();
        var routes = Routes().Where(route => route.NeedsKey).ToList();

        routes.Count.ShouldBeGreaterThan(5);
        foreach (var route in routes)
        {
            using var response = await client.SendAsync(route.Request(), TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, route.Name);
        }
    }

    [Fact]
    public async Task Forbidden_on_every_operator_route_when_a_client_key_is_sent()
    {
        using var client = factory.CreateClient(TestKeys.ClientA);
        var routes = Routes().Where(route => route.Policies.Contains(ApiPolicies.Operator)).ToList();

        routes.Count.ShouldBeGreaterThan(3);
        foreach (var route in routes)
        {
            using var response = await client.SendAsync(route.Request(), TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, route.Name);
        }
    }

    [Fact]
    public async Task Forbidden_on_every_client_only_route_when_an_operator_key_is_sent()
    {
        using var client = factory.CreateClient(TestKeys.Operator);

        foreach (var route in Routes().Where(route => route.Policies.Contains(ApiPolicies.Client)))
        {
            using var response = await client.SendAsync(route.Request(), TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, route.Name);
        }
    }

    private List<MappedRoute> Routes()
    {
        _ = factory.Server;
        return [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new MappedRoute(method, endpoint)))];
    }

    private sealed record MappedRoute(string Method, RouteEndpoint Endpoint)
    {
        public string Name => $"{Method} {Endpoint.RoutePattern.RawText}";

        public IReadOnlyList<string> Policies =>
            [.. Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy ?? "")];

        public bool NeedsKey =>
            Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null && Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0;

        public HttpRequestMessage Request() => new(new HttpMethod(Method), Path());

        private string Path() => "/" + string.Join('/', Endpoint.RoutePattern.PathSegments
            .Select(segment => string.Concat(segment.Parts.Select(Part)))
            .Where(text => text.Length > 0));

        // A value each parameter's constraint accepts, so the request reaches the endpoint's authorization.
        private string Part(RoutePatternPart part) => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart { IsOptional: true } => "",
            RoutePatternParameterPart parameter when HasConstraint(parameter, "guid") => Guid.NewGuid().ToString(),
            RoutePatternParameterPart parameter when HasConstraint(parameter, "int") || HasConstraint(parameter, "long") => "1",
            RoutePatternParameterPart { Name: "date" } => "2026-01-01",
            RoutePatternParameterPart { Name: "documentName" } => "v1",
            RoutePatternParameterPart { Name: "sku" } => "SKU-1",
            _ => "x",
        };

        private static bool HasConstraint(RoutePatternParameterPart parameter, string name) =>
            parameter.ParameterPolicies.Any(policy => policy.Content == name);
    }
}
