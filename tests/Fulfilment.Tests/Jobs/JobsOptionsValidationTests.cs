using System.ComponentModel.DataAnnotations;

using Backend.Fulfilment.Jobs;
using Backend.Fulfilment.Tests.Infrastructure;
using Backend.Messaging;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backend.Fulfilment.Tests.Jobs;

public sealed class JobsOptionsValidationTests
{
    private static ValidateOptionsResult ValidateAgainstRetries(JobsOptions jobs, int retryLimit = 8) =>
        new JobsOptionsValidator(Options.Create(new MessagingOptions { RetryLimit = retryLimit })).Validate(null, jobs);

    private static IReadOnlyList<ValidationResult> ValidateAnnotations(JobsOptions jobs)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(jobs, new ValidationContext(jobs), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Defaults_valid_when_the_retry_limit_is_the_default()
    {
        ValidateAgainstRetries(new JobsOptions()).Succeeded.ShouldBeTrue();
        ValidateAnnotations(new JobsOptions()).ShouldBeEmpty();
    }

    [Fact]
    public void RedriveAfter_refused_naming_both_settings_when_it_is_within_the_retry_horizon()
    {
        var horizon = new RetrySchedule(8).Horizon;

        var result = ValidateAgainstRetries(new JobsOptions { RedriveAfter = horizon });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Jobs:RedriveAfter (00:01:44.7000000)");
        result.FailureMessage.ShouldContain("Messaging:RetryLimit (8 redeliveries): 104.7 s");
        ValidateAgainstRetries(new JobsOptions { RedriveAfter = horizon + TimeSpan.FromMilliseconds(1) }).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Short_RedriveAfter_valid_when_the_retry_limit_is_lowered()
    {
        var jobs = new JobsOptions { RedriveAfter = TimeSpan.FromSeconds(30) };

        ValidateAgainstRetries(jobs, retryLimit: 8).Failed.ShouldBeTrue();
        ValidateAgainstRetries(jobs, retryLimit: 2).Succeeded.ShouldBeTrue();
    }

    [Theory]
    [InlineData("00:02:00", "00:02:00", false)]
    [InlineData("00:02:00", "00:02:01", true)]
    public void ExpireAfter_valid_only_when_longer_than_RedriveAfter(string redriveAfter, string expireAfter, bool valid)
    {
        var results = ValidateAnnotations(new JobsOptions { RedriveAfter = TimeSpan.Parse(redriveAfter), ExpireAfter = TimeSpan.Parse(expireAfter) });

        if (valid)
        {
            results.ShouldBeEmpty();
        }
        else
        {
            results.ShouldHaveSingleItem().ErrorMessage.ShouldBe(
                "Jobs:ExpireAfter (00:02:00) must be longer than Jobs:RedriveAfter (00:02:00), or an order stuck in progress " +
                "expires before its first re-drive.");
        }
    }

    [Fact]
    public void A_cron_that_does_not_parse_is_refused_naming_its_setting()
    {
        var jobs = new JobsOptions();
        jobs.DataRetention.Cron = "every night";

        ValidateAnnotations(jobs).ShouldHaveSingleItem().ErrorMessage.ShouldBe(
            "Jobs:DataRetention:Cron 'every night' is not a valid Quartz cron expression (six or seven fields, seconds first).");
    }

    [Fact]
    public void Job_settings_bind_from_their_own_section_and_default_to_enabled()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jobs:LowStockScan:Cron"] = "0 0/1 * * * ?",
            ["Jobs:DataRetention:Enabled"] = "false",
        }).Build();

        var jobs = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>()!;

        jobs.LowStockScan.Cron.ShouldBe("0 0/1 * * * ?");
        jobs.LowStockScan.Enabled.ShouldBeTrue();
        jobs.DataRetention.Enabled.ShouldBeFalse();
        jobs.DataRetention.Cron.ShouldBe("0 30 3 * * ?");
        jobs.Schedules.Select(schedule => schedule.Name).ShouldBe(
            ["order-redrive", "order-expiry", "order-settlement", "low-stock-scan", "daily-sales-report", "data-retention"]);
    }

    [Fact]
    public async Task Every_scheduled_job_has_a_job_to_run()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        using var scope = fixture.Services.CreateScope();

        foreach (var (name, _, _) in new JobsOptions().Schedules)
        {
            scope.ServiceProvider.GetKeyedService<IRecurringJob>(name).ShouldNotBeNull(name);
        }
    }
}
