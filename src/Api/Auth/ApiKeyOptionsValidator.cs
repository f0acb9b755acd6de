using Backend.Domain.Orders;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Backend.Api.Auth;

/// <summary>
/// Refuses to start a host that no caller could use, or whose keys could never match; outside Development also one
/// that accepts a published demo key or a key shorter than <see cref="ApiKeyOptions.MinKeyLength"/> characters.
/// </summary>
public sealed class ApiKeyOptionsValidator(IHostEnvironment environment) : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        if (options.ApiKeys.Count == 0)
        {
            return ValidateOptionsResult.Fail(
                "No API keys are configured: set Auth:ApiKeys (each with KeyHash, the lowercase hex SHA-256 of the key, " +
                "Role Client or Operator, and CustomerId for a Client key). The ingress refuses to start without any.");
        }

        var strict = !environment.IsDevelopment();
        var failures = new List<string>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var entry = options.ApiKeys[i];
            var keyHash = entry.Key is null ? entry.KeyHash : ApiKeyHash.Compute(entry.Key);
            if (entry.Key is not null && !string.IsNullOrEmpty(entry.KeyHash) && entry.KeyHash != keyHash)
            {
                failures.Add($"Auth:ApiKeys:{i} has both Key and KeyHash, and they disagree: set only one.");
            }
            else if (!ApiKeyHash.IsWellFormed(keyHash))
            {
                failures.Add($"Auth:ApiKeys:{i}:KeyHash must be 64 lowercase hex characters (the SHA-256 of the key).");
            }

            if (strict && PublishedKeys.Hashes.Contains(keyHash))
            {
                failures.Add(
                    $"Auth:ApiKeys:{i} is a published demo key, accepted only in Development (environment is " +
                    $"'{environment.EnvironmentName}'): set Auth:ApiKeys:{i}:KeyHash to the SHA-256 of a key of your own, " +
                    $"at least {ApiKeyOptions.MinKeyLength} random characters.");
            }

            if (strict && entry.Key is not null && entry.Key.Length < ApiKeyOptions.MinKeyLength)
            {
                failures.Add(
                    $"Auth:ApiKeys:{i}:Key has {entry.Key.Length} characters; outside Development a key needs at least " +
                    $"{ApiKeyOptions.MinKeyLength}: set Auth:ApiKeys:{i}:Key to a longer random key.");
            }

            if (!Enum.IsDefined(entry.Role))
            {
                failures.Add($"Auth:ApiKeys:{i}:Role must be Client or Operator.");
            }

            if (entry.Role == ApiRole.Client && !OrderLimits.IsCustomerId(entry.CustomerId))
            {
                failures.Add($"Auth:ApiKeys:{i}:CustomerId, 1 to {OrderLimits.MaxCustomerIdLength} characters, is required for a Client key.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
