using Backend.Domain.Catalog;
using Backend.Domain.Orders;

namespace Backend.Domain.Pricing;

/// <summary>A volume discount: <see cref="Rate"/> applies once the subtotal reaches <see cref="Threshold"/>.</summary>
public sealed record DiscountTier(decimal Threshold, decimal Rate);

/// <summary>
/// Prices an order from the catalog. Every amount is rounded to two places, midpoint away from zero, and the
/// discount and tax are computed from rounded amounts so the parts always add up to the total.
/// </summary>
public sealed class PricingPolicy(string currency, IReadOnlyList<DiscountTier> discountTiers, IReadOnlyDictionary<string, decimal> taxRates)
{
    public static IReadOnlyList<DiscountTier> DefaultTiers { get; } = [new(500.00m, 0.05m), new(2000.00m, 0.10m)];

    public string Currency { get; } = currency;

    public PriceQuote Price(IReadOnlyList<OrderLine> lines, IReadOnlyDictionary<string, Product> catalog, string country)
    {
        var priced = lines
            .Select(line =>
            {
                var unitPrice = Round(catalog[line.Sku].UnitPrice);
                return line with { UnitPrice = unitPrice, LineTotal = Round(unitPrice * line.Quantity) };
            })
            .ToList();

        var subtotal = priced.Sum(line => line.LineTotal!.Value);
        var discount = Round(subtotal * DiscountRate(subtotal));
        var tax = Round((subtotal - discount) * TaxRate(country));
        var total = subtotal - discount + tax;
        return new PriceQuote(priced, new OrderTotals(subtotal, discount, tax, total, Currency));
    }

    public decimal DiscountRate(decimal subtotal) =>
        discountTiers.Where(tier => subtotal >= tier.Threshold).Select(tier => tier.Rate).DefaultIfEmpty(0m).Max();

    public decimal TaxRate(string country) =>
        taxRates.TryGetValue(country.ToUpperInvariant(), out var rate) ? rate : 0m;

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}

public sealed record PriceQuote(IReadOnlyList<OrderLine> Lines, OrderTotals Totals);
