using System.Net;
using System.Text.Json.Serialization;

using Backend.Api.Admin;
using Backend.Api.Auth;
using Backend.Api.FailedMessages;
using Backend.Api.Limits;
using Backend.Api.OpenApi;
using Backend.Api.Orders;
using Backend.Api.Products;
using Backend.Api.Reports;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Backend.Api;

public static class ApiExtensions
{
    /// <summary>The HTTP API: API-key auth, problem details, JSON settings, OpenAPI and the endpoints' options.</summary>
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        builder.AddApiKeyAuthentication();
        builder.AddApiRateLimits();

        builder.Services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<OrdersApiOptions>()
            .BindConfiguration(OrdersApiOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<AuditOptions>()
            .BindConfiguration(AuditOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<FailedMessageApiMetrics>();
        builder.Services.TryAddSingleton<FailedMessageRedriver>();

        // Kestrel's own limits follow the API's settings, so one setting governs each (the body limit included).
        builder.Services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>().Configure<IOptions<ApiOptions>>((kestrel, api) =>
        {
            kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = api.Value.MaxRequestHeadersBytes;
            kestrel.Limits.MaxRequestLineSize = api.Value.MaxRequestLineBytes;
        });

        // Numbers are read as JSON numbers only (the web default also takes "2"), so the document can type them as
        // numbers: a union with string would make every generated client wrap each one.
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });

        // A body that is not JSON, or not of the expected shape, is the client's mistake: 400 in every environment
        // (Development would otherwise throw it as a 500), with a reason the status code pages cannot know.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        builder.Services.Configure<ExceptionHandlerOptions>(options => options.StatusCodeSelector = exception =>
            exception is BadHttpRequestException badRequest ? badRequest.StatusCode : StatusCodes.Status500InternalServerError);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails is { Status: StatusCodes.Status400BadRequest, Detail: null } and not HttpValidationProblemDetails)
            {
                context.ProblemDetails.Detail = "The request could not be read: send well-formed JSON of the documented shape.";
            }
        });

        builder.Services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.SectionName);
        var proxies = builder.Configuration.GetSection(ProxyOptions.SectionName).Get<ProxyOptions>() ?? new ProxyOptions();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies are believed (the defaults trust loopback, which a sidecar could abuse).
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        builder.Services.AddApiDocument();
        return builder;
    }

    /// <summary>The error-handling and auth middleware, every endpoint group, <c>/openapi/v1.json</c> and <c>/scalar</c>.</summary>
    public static WebApplication MapApi(this WebApplication app)
    {
        // First, so the client's address and scheme are known to everything after; without configured proxies the
        // headers are not read at all (the middleware would believe them from a connection of unknown address).
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value is { KnownProxies.Count: > 0 } or { KnownNetworks.Count: > 0 })
        {
            app.UseForwardedHeaders();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Before authentication, so an oversized body is never read, whoever sends it.
        app.UseMiddleware<RequestBodyLimit>();
        app.UseAuthentication();
        // After authentication, to count by key; before authorization, so refused keys are counted too.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<OrderLogScope>();

        app.MapApiDocument();
        app.MapOrders();
        app.MapProducts();
        app.MapReports();
        app.MapAudit();
        app.MapJobs();
        app.MapFailedMessages();
        return app;
    }
}
