using Backend.Domain.Orders;

namespace Backend.Store.Sqlite;

internal static class SqliteOrderFilter
{
    /// <summary>The WHERE clause of a listing; the accepted range is [from, to).</summary>
    public static (string Where, (string, object?)[] Parameters) Build(OrderQuery query)
    {
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.CustomerId is { } customerId)
        {
            conditions.Add("customer_id = @customer");
            parameters.Add(("@customer", customerId));
        }

        if (query.Status is { } status)
        {
            conditions.Add("status = @status");
            parameters.Add(("@status", status.ToString()));
        }

        if (query.AcceptedFrom is { } from)
        {
            conditions.Add("accepted_at >= @from");
            parameters.Add(("@from", SqliteValues.Instant(from)));
        }

        if (query.AcceptedTo is { } to)
        {
            conditions.Add("accepted_at < @to");
            parameters.Add(("@to", SqliteValues.Instant(to)));
        }

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        return (where, parameters.ToArray());
    }

    /// <summary>
    /// The listing's WHERE clause narrowed to the orders after <paramref name="cursor"/> in listing order (accepted_at
    /// DESC, id ASC). The plain range on accepted_at lets SQLite seek into the listing index at the cursor; the OR
    /// only sorts out the orders accepted in the same instant.
    /// </summary>
    public static (string Where, (string, object?)[] Parameters) After(string where, (string, object?)[] parameters, OrderCursor? cursor)
    {
        if (cursor is null)
        {
            return (where, parameters);
        }

        const string condition = "accepted_at <= @after_at AND (accepted_at < @after_at OR id > @after_id)";
        return (
            where.Length == 0 ? "WHERE " + condition : $"{where} AND {condition}",
            [.. parameters, ("@after_at", SqliteValues.Instant(cursor.AcceptedAt)), ("@after_id", SqliteValues.Id(cursor.Id))]);
    }
}
