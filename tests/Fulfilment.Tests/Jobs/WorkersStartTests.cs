using Backend.Messaging;
using Backend.Store;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Backend.Fulfilment.Tests.Jobs;

/// <summary>The workers' composition refusing to start on timings that would overlap retries and re-drives.</summary>
public sealed class WorkersStartTests
{
    [Fact]
    public async Task Start_fails_naming_RedriveAfter_and_RetryLimit_when_the_re_drive_would_overlap_the_retries()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["Jobs:RedriveAfter"] = "00:00:30",
            ["Messaging:RetryLimit"] = "8",
        });

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        error.Message.ShouldContain("Jobs:RedriveAfter (00:00:30) must be longer than the retry horizon of Messaging:RetryLimit");
        error.Message.ShouldContain("Raise Jobs:RedriveAfter above 104.7 s or lower Messaging:RetryLimit.");
    }

    [Fact]
    public async Task Start_fails_naming_ExpireAfter_and_RedriveAfter_when_orders_would_expire_before_their_re_drive()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["Jobs:RedriveAfter"] = "00:20:00",
            ["Jobs:ExpireAfter"] = "00:15:00",
        });

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        error.Message.ShouldContain("Jobs:ExpireAfter (00:15:00) must be longer than Jobs:RedriveAfter (00:20:00)");
    }

    // As the workers host composes itself; validation fails the start before the bus or the scheduler runs.
    private static IHost Build(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Messaging:Transport"] = "InMemory",
            ["Store:Provider"] = "Sqlite",
            ["Store:Sqlite:Path"] = Path.Combine(Path.GetTempPath(), $"workers-start-{Guid.NewGuid():N}.db"),
        });
        builder.AddStore();
        builder.AddMessaging(bus => bus.AddFulfilmentConsumers());
        builder.AddFulfilment();
        return builder.Build();
    }
}
