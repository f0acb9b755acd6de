using Backend.Domain.Orders;

using MongoDB.Driver;

namespace Backend.Store.Mongo;

internal static class MongoOrderFilter
{
    private static readonly FilterDefinitionBuilder<OrderDocument> Filter = Builders<OrderDocument>.Filter;

    /// <summary>The filter of a listing; the accepted range is [from, to).</summary>
    public static FilterDefinition<OrderDocument> Build(OrderQuery query)
    {
        var filter = Filter.Empty;
        if (query.CustomerId is { } customerId)
        {
            filter &= Filter.Eq(d => d.CustomerId, customerId);
        }

        if (query.Status is { } status)
        {
            filter &= Filter.Eq(d => d.Status, status);
        }

        if (query.AcceptedFrom is { } from)
        {
            filter &= Filter.Gte(d => d.AcceptedAt, MongoMapping.Date(from));
        }

        if (query.AcceptedTo is { } to)
        {
            filter &= Filter.Lt(d => d.AcceptedAt, MongoMapping.Date(to));
        }

        return filter;
    }

    /// <summary>The orders after <paramref name="cursor"/> in listing order (acceptedAt descending, id ascending).</summary>
    public static FilterDefinition<OrderDocument> After(OrderCursor? cursor)
    {
        if (cursor is null)
        {
            return Filter.Empty;
        }

        var at = MongoMapping.Date(cursor.AcceptedAt);
        return Filter.Lte(d => d.AcceptedAt, at)
            & (Filter.Lt(d => d.AcceptedAt, at) | (Filter.Eq(d => d.AcceptedAt, at) & Filter.Gt(d => d.Id, cursor.Id)));
    }
}
