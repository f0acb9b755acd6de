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
}
