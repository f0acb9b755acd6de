using System.ComponentModel.DataAnnotations;

using Backend.Fulfilment.Jobs;
using Backend.Messaging;

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
}
