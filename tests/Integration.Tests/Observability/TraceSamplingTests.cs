using System.Diagnostics;

using Backend.Hosting;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Backend.Integration.Tests.Observability;

/// <summary>
/// Spans are recorded only where they can go somewhere; without a collector only what carries a trace to another
/// process is built (OrderTraceTests follows that across the broker).
/// </summary>
public sealed class TraceSamplingTests
{
    public static TheoryData<string?, string?> Recording => new()
    {
        { "http://127.0.0.1:4318", null },
        { null, "always_on" },
    };

    [Theory]
    [MemberData(nameof(Recording))]
    public async Task Every_span_recorded_with_an_exporter_or_when_the_sampler_setting_asks(string? endpoint, string? sampler)
    {
        using var host = await StartAsync(endpoint, sampler);
        using var source = OwnSource();

        using var request = source.StartActivity("request", ActivityKind.Server);
        using var storeCall = source.StartActivity("store call");

        request.ShouldNotBeNull().Recorded.ShouldBeTrue();
        storeCall.ShouldNotBeNull().Recorded.ShouldBeTrue();
        storeCall.TraceId.ShouldBe(request.TraceId);
    }

    [Fact]
    public async Task Without_an_exporter_nothing_is_recorded_and_only_roots_and_publishes_are_built()
    {
        using var host = await StartAsync(endpoint: null, sampler: null);
        using var source = OwnSource();

        using var request = source.StartActivity("request", ActivityKind.Server);
        using (var storeCall = source.StartActivity("store call"))
        {
            storeCall.ShouldBeNull();
        }

        using var publish = source.StartActivity("publish", ActivityKind.Producer);

        request.ShouldNotBeNull().Recorded.ShouldBeFalse();
        publish.ShouldNotBeNull().Recorded.ShouldBeFalse();
        publish.TraceId.ShouldBe(request.TraceId);
        publish.ParentSpanId.ShouldBe(request.SpanId);
    }

    private static async Task<IHost> StartAsync(string? endpoint, string? sampler)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ServiceDefaultsExtensions.OtlpEndpointSetting] = endpoint,
            [ServiceDefaultsExtensions.SamplerSetting] = sampler,
        });
        builder.AddServiceDefaults("sampling-test");
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    // A name of its own under the product's prefix, so no other test's listener takes part in the decision.
    private static ActivitySource OwnSource() =>
        new(ServiceDefaultsExtensions.TelemetryPrefix + "SamplingTest." + Guid.NewGuid().ToString("N"));
}
