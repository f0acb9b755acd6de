using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Backend.Hosting;

/// <summary>What every host shares: telemetry, health checks and their endpoints.</summary>
public static class ServiceDefaultsExtensions
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    /// <summary>Activity sources and meters of this product's own code start with this prefix.</summary>
    public const string TelemetryPrefix = "Backend.";

    /// <summary>Turns the Prometheus scrape endpoint on or off; unset, it is on in Development only.</summary>
    public const string PrometheusSetting = "Telemetry:Prometheus:Enabled";

    public const string PrometheusPath = "/metrics";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddSource(TelemetryPrefix + "*")
                .AddSource("MassTransit")
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(TelemetryPrefix + "*")
                .AddMeter("MassTransit")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());

        if (IsPrometheusEnabled(builder))
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddPrometheusExporter());
        }

        // Export only where a collector is configured, so a newcomer's machine does not retry a missing one.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers. <c>/health/ready</c>: broker and store are reachable. Mapped in
    /// every environment, since orchestrators probe production too.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });

        // Never behind an API key (a scraper has none): keep it off, or reachable only from the scraper (README).
        if (IsPrometheusEnabled(app))
        {
            app.MapPrometheusScrapingEndpoint(PrometheusPath);
        }

        return app;
    }

    private static bool IsPrometheusEnabled(IHostApplicationBuilder builder) =>
        builder.Configuration.GetValue<bool?>(PrometheusSetting) ?? builder.Environment.IsDevelopment();

    private static bool IsPrometheusEnabled(WebApplication app) =>
        app.Configuration.GetValue<bool?>(PrometheusSetting) ?? app.Environment.IsDevelopment();
}
