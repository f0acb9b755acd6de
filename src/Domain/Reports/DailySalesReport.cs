using Backend.Domain.Orders;

namespace Backend.Domain.Reports;

public sealed record SkuSales(string Sku, int Units, decimal Gross);

/// <summary>
/// Sales of one UTC day, counting orders confirmed that day that are still confirmed or shipped. Gross is the sum
/// of subtotals, net is gross less discounts, tax is reported beside it (net + tax is what customers paid).
/// </summary>
public sealed record DailySalesReport(
    DateOnly Date,
    int Orders,
    int Units,
    decimal Gross,
    decimal Discounts,
    decimal Tax,
    decimal Net,
    IReadOnlyList<SkuSales> TopSkus)
{
    public const int TopSkuCount = 10;

    public static (DateTimeOffset From, DateTimeOffset To) DayBounds(DateOnly date)
    {
        var from = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return (from, from.AddDays(1));
    }

    public static DailySalesReport Build(DateOnly date, IEnumerable<Order> orders)
    {
        var (from, to) = DayBounds(date);
        var sold = orders
            .Where(order => order.Status is OrderStatus.Confirmed or OrderStatus.Shipped)
            .Where(order => order.ConfirmedAt >= from && order.ConfirmedAt < to && order.Totals is not null)
            .ToList();
        var lines = sold.SelectMany(order => order.Lines).ToList();

        var gross = sold.Sum(order => order.Totals!.Subtotal);
        var discounts = sold.Sum(order => order.Totals!.Discount);
        var topSkus = lines
            .GroupBy(line => line.Sku)
            .Select(group => new SkuSales(group.Key, group.Sum(line => line.Quantity), group.Sum(line => line.LineTotal ?? 0m)))
            .OrderByDescending(sku => sku.Units)
            .ThenByDescending(sku => sku.Gross)
            .ThenBy(sku => sku.Sku, StringComparer.Ordinal)
            .Take(TopSkuCount)
            .ToList();

        return new DailySalesReport(
            date,
            sold.Count,
            lines.Sum(line => line.Quantity),
            gross,
            discounts,
            sold.Sum(order => order.Totals!.Tax),
            gross - discounts,
            topSkus);
    }
}
