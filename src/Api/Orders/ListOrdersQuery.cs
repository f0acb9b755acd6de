using System.Globalization;

using Backend.Api.Auth;
using Backend.Api.OpenApi;
using Backend.Domain.Orders;
using Backend.Validation;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Backend.Api.Orders;

/// <summary>
/// The list's query string, taken as text so that a bad value becomes a per-field validation error rather than a
/// bare binding failure.
/// </summary>
public sealed record ListOrdersQuery(
    [FromQuery(Name = "status"), ParsedAs(typeof(OrderStatus))] string? Status = null,
    [FromQuery(Name = "from"), ParsedAs(typeof(DateTimeOffset))] string? From = null,
    [FromQuery(Name = "to"), ParsedAs(typeof(DateTimeOffset))] string? To = null,
    [FromQuery(Name = "page"), ParsedAs(typeof(int), Minimum = 1, Maximum = ListOrdersQuery.MaxPage)] string? Page = null,
    [FromQuery(Name = "pageSize"), ParsedAs(typeof(int), Minimum = 1, Maximum = ListOrdersQuery.MaxPageSize)] string? PageSize = null,
    [FromQuery(Name = "customerId")] string? CustomerId = null,
    [FromQuery(Name = "after")] string? After = null)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    // Keeps (page - 1) * pageSize well inside an int for every store.
    public const int MaxPage = 1_000_000;

    /// <summary>A client always sees its own orders only; an operator sees all, or one customer's.</summary>
    public OrderQuery? ToOrderQuery(ApiCaller caller, ValidationErrors errors)
    {
        OrderStatus? status = null;
        if (Status is not null)
        {
            // Names only: Enum.TryParse would also take "3" or "-1".
            var name = Enum.GetNames<OrderStatus>().FirstOrDefault(name => name.Equals(Status, StringComparison.OrdinalIgnoreCase));
            errors.Check(name is not null, "status", $"The status must be one of {string.Join(", ", Enum.GetNames<OrderStatus>())}.");
            status = name is null ? null : Enum.Parse<OrderStatus>(name);
        }

        var from = ParseInstant(From, "from", errors);
        var to = ParseInstant(To, "to", errors);
        errors.Check(from is null || to is null || from <= to, "to", "'to' must not be before 'from'.");

        var page = ParseInt(Page, "page", 1, 1, MaxPage, errors);
        var pageSize = ParseInt(PageSize, "pageSize", DefaultPageSize, 1, MaxPageSize, errors);
        var after = After is null ? null : OrderCursorToken.Parse(After);
        errors.Check(After is null || after is not null, "after", "Pass back the 'after' of a 'next' link as it was.");
        errors.Check(After is null || Page is null, "after", "Give 'page' or 'after', not both.");

        var customerId = caller.IsOperator
            ? (string.IsNullOrWhiteSpace(CustomerId) ? null : CustomerId)
            : caller.CustomerId ?? throw new InvalidOperationException("A client key always carries a customer id.");
        // A page number is offset paging, as before, with the total count; without one the listing pages by cursor
        // and counts nothing, so every page costs the same however many orders match.
        return errors.IsEmpty ? new OrderQuery(customerId, status, from, to, page, pageSize, after, CountTotal: Page is not null) : null;
    }

    /// <summary>The link to the page after <paramref name="cursor"/>, with this listing's filters and page size.</summary>
    public string NextLink(OrderCursor cursor)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["status"] = Status,
            ["from"] = From,
            ["to"] = To,
            ["customerId"] = CustomerId,
            ["pageSize"] = PageSize,
            ["after"] = OrderCursorToken.Format(cursor),
        };
        return QueryHelpers.AddQueryString("/api/orders", parameters.Where(parameter => parameter.Value is not null));
    }

    private static DateTimeOffset? ParseInstant(string? value, string field, ValidationErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        var ok = DateTimeOffset.TryParse(
            value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant);
        errors.Check(ok, field, "Expected an ISO 8601 date and time, such as 2025-01-31T00:00:00Z.");
        return ok ? instant : null;
    }

    private static int ParseInt(string? value, string field, int fallback, int min, int max, ValidationErrors errors)
    {
        if (value is null)
        {
            return fallback;
        }

        var ok = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max;
        errors.Check(ok, field, $"Must be a whole number from {min} to {max}.");
        return number;
    }
}
