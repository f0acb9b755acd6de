using Backend.Domain.Orders;

using Microsoft.Extensions.Options;

namespace Backend.Api.Auth;

/// <summary>Refuses to start a host that no caller could use, or whose keys could never match.</summary>
public sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        if (options.ApiKeys.Count == 0)
        {
            return ValidateOptionsResult.Fail(
                "No API keys are configured: set Auth:ApiKeys (each with KeyHash, the lowercase hex SHA-256 of the key, " +
                "Role Client or Operator, and CustomerId for a Client key). The ingress refuses to start without any.");
        }

        var failures = new List<string>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var entry = options.ApiKeys[i];
            if (!ApiKeyHash.IsWellFormed(entry.KeyHash))
            {
                failures.Add($"Auth:ApiKeys:{i}:KeyHash must be 64 lowercase hex characters (the SHA-256 of the key).");
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
