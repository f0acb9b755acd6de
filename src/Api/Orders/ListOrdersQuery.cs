using System.Globalization;

using Backend.Api.Auth;
using Backend.Api.OpenApi;
using Backend.Domain.Orders;
using Backend.Validation;

using Microsoft.AspNetCore.Mvc;

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
    [FromQuery(Name = "customerId")] string? CustomerId = null)
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

        var customerId = caller.IsOperator
            ? (string.IsNullOrWhiteSpace(CustomerId) ? null : CustomerId)
            : caller.CustomerId ?? throw new InvalidOperationException("A client key always carries a customer id.");
        return errors.IsEmpty ? new OrderQuery(customerId, status, from, to, page, pageSize) : null;
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
