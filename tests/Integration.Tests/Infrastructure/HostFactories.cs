extern alias WorkersHost;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Backend.Integration.Tests.Infrastructure;

/// <summary>The real ingress host, configured by settings alone, as a deployment would configure it.</summary>
public sealed class IngressHost(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) => HostSettings.Apply(builder, settings);
}

/// <summary>The real workers host: consumers and Quartz jobs, with its own bus connection.</summary>
public sealed class WorkersHostFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<WorkersHost::Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) => HostSettings.Apply(builder, settings);
}

internal static class HostSettings
{
    public static void Apply(IWebHostBuilder builder, IReadOnlyDictionary<string, string?> settings)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
