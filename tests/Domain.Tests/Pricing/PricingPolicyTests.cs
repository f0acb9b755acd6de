using Backend.Domain.Catalog;
using Backend.Domain.Orders;
using Backend.Domain.Pricing;

namespace Backend.Domain.Tests.Pricing;

public sealed class PricingPolicyTests
{
    private static readonly PricingPolicy Policy = new("USD", PricingPolicy.DefaultTiers, new Dictionary<string, decimal> { ["DE"] = 0.19m, ["GB"] = 0.20m });

    private static PriceQuote PriceOne(decimal unitPrice, int quantity = 1, string country = "US") =>
        Policy.Price(
            [new OrderLine("SKU-1", quantity)],
            new Dictionary<string, Product> { ["SKU-1"] = new("SKU-1", "Thing", unitPrice, true, 100, 0, 0) },
            country);

    [Theory]
    [InlineData("499.99", "0.00")]
    [InlineData("500.00", "25.00")]
    [InlineData("1999.99", "100.00")]
    [InlineData("2000.00", "200.00")]
    public void Discount_follows_the_tier_when_subtotal_is_at_a_boundary(string subtotal, string expectedDiscount)
    {
        var quote = PriceOne(decimal.Parse(subtotal, System.Globalization.CultureInfo.InvariantCulture));

        quote.Totals.Discount.ShouldBe(decimal.Parse(expectedDiscount, System.Globalization.CultureInfo.InvariantCulture));
        quote.Totals.Total.ShouldBe(quote.Totals.Subtotal - quote.Totals.Discount);
    }

    [Fact]
    public void Lines_are_priced_from_the_catalog_when_priced()
    {
        var quote = PriceOne(19.99m, quantity: 3);

        quote.Lines.Single().UnitPrice.ShouldBe(19.99m);
        quote.Lines.Single().LineTotal.ShouldBe(59.97m);
        quote.Totals.ShouldBe(new OrderTotals(59.97m, 0m, 0m, 59.97m, "USD"));
    }

    [Fact]
    public void Tax_applies_to_the_discounted_subtotal_when_the_country_has_a_rate()
    {
        var quote = PriceOne(1000.00m, country: "de");

        quote.Totals.Discount.ShouldBe(50.00m);
        quote.Totals.Tax.ShouldBe(180.50m);
        quote.Totals.Total.ShouldBe(1130.50m);
    }

    [Fact]
    public void Tax_rounds_half_away_from_zero_when_at_the_midpoint()
    {
        // 0.20 * 0.125 = 0.025: banker's rounding would give 0.02.
        var quote = PriceOne(0.125m, country: "GB");

        quote.Lines.Single().UnitPrice.ShouldBe(0.13m);
        PricingPolicy.Round(0.025m).ShouldBe(0.03m);
        PricingPolicy.Round(-0.025m).ShouldBe(-0.03m);
        quote.Totals.Tax.ShouldBe(0.03m);
    }

    [Fact]
    public void Discount_rounds_half_away_from_zero_when_at_the_midpoint()
    {
        // 5 % of 500.10 is 25.005.
        PriceOne(500.10m).Totals.Discount.ShouldBe(25.01m);
    }

    [Fact]
    public void Country_without_a_rate_pays_no_tax()
    {
        PriceOne(100m, country: "FR").Totals.Tax.ShouldBe(0m);
    }

    [Fact]
    public void Highest_reached_tier_applies_when_tiers_are_configured_out_of_order()
    {
        var policy = new PricingPolicy("EUR", [new(2000m, 0.10m), new(500m, 0.05m)], new Dictionary<string, decimal>());

        policy.DiscountRate(2500m).ShouldBe(0.10m);
        policy.DiscountRate(700m).ShouldBe(0.05m);
        policy.DiscountRate(10m).ShouldBe(0m);
    }
}
