using System.ComponentModel.DataAnnotations;

using Backend.Domain.Pricing;

namespace Backend.Fulfilment.Pricing;

public sealed class PricingOptions : IValidatableObject
{
    public const string SectionName = "Pricing";

    [Required]
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Pricing:Currency must be an ISO 4217 code such as USD.")]
    public string Currency { get; set; } = "USD";

    /// <summary>Volume discounts; when none are configured the brief's 5 % from 500.00 and 10 % from 2000.00 apply.</summary>
    public List<DiscountTier>? DiscountTiers { get; set; }

    /// <summary>Tax rate by ship-to country (ISO 3166 alpha-2), as a fraction: 0.19 for 19 %. Others pay none.</summary>
    public Dictionary<string, decimal> TaxRates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public PricingPolicy ToPolicy() => new(
        Currency,
        DiscountTiers ?? [.. PricingPolicy.DefaultTiers],
        TaxRates.ToDictionary(pair => pair.Key.ToUpperInvariant(), pair => pair.Value));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var tier in DiscountTiers ?? [])
        {
            if (tier.Threshold < 0 || tier.Rate is < 0 or > 1)
            {
                yield return new ValidationResult($"Discount tier {tier} needs a threshold >= 0 and a rate between 0 and 1.");
            }
        }

        foreach (var (country, rate) in TaxRates)
        {
            if (country.Length != 2 || rate is < 0 or > 1)
            {
                yield return new ValidationResult($"Tax rate '{country}': {rate} needs a two-letter country and a rate between 0 and 1.");
            }
        }
    }
}
