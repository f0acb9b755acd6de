using System.Text.Json.Serialization;

using Backend.Api.Admin;
using Backend.Api.Auth;
using Backend.Api.FailedMessages;
using Backend.Api.Orders;
using Backend.Api.Products;
using Backend.Api.Reports;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

using Scalar.AspNetCore;

namespace Backend.Api;

public static class ApiExtensions
{
    /// <summary>The HTTP API: API-key auth, problem details, JSON settings, OpenAPI and the endpoints' options.</summary>
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        builder.AddApiKeyAuthentication();

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

        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

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

        builder.Services.AddOpenApi(options => options.AddDocumentTransformer<ApiKeySecurityTransformer>());
        return builder;
    }

    /// <summary>The error-handling and auth middleware, every endpoint group, <c>/openapi/v1.json</c> and <c>/scalar</c>.</summary>
    public static WebApplication MapApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Before authentication, so an oversized body is never read, whoever sends it.
        app.UseMiddleware<RequestBodyLimit>();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapOrders();
        app.MapProducts();
        app.MapReports();
        app.MapAudit();
        app.MapFailedMessages();
        return app;
    }
}
