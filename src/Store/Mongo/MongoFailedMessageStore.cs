using Backend.Domain.FailedMessages;

using MongoDB.Bson;
using MongoDB.Driver;

namespace Backend.Store.Mongo;

/// <summary>One document per failed message; every write is one conditional insert or update.</summary>
internal sealed class MongoFailedMessageStore(MongoStoreContext context) : IFailedMessageStore
{
    private static readonly FilterDefinitionBuilder<FailedMessageDocument> Filter = Builders<FailedMessageDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<FailedMessageDocument> Update = Builders<FailedMessageDocument>.Update;
    private static readonly SortDefinitionBuilder<FailedMessageDocument> Sort = Builders<FailedMessageDocument>.Sort;

    public Task<bool> TryAddAsync(FailedMessage message, CancellationToken cancellationToken) =>
        context.RunAsync("add_failed_message", async () =>
        {
            try
            {
                await context.FailedMessages.InsertOneAsync(FailedMessageDocument.From(message), cancellationToken: cancellationToken);
                return true;
            }
            catch (MongoWriteException exception) when (exception.WriteError.Category == ServerErrorCategory.DuplicateKey)
            {
                return false;
            }
        }, cancellationToken);

    public Task<bool> RecordRefailureAsync(FailedMessageRefailure refailure, CancellationToken cancellationToken) =>
        context.RunAsync("record_failed_message_refailure", async () =>
        {
            // A record of this replay that is Redelivered has not seen this failure yet; one that is Failed has.
            var unseen = Filter.Lt(d => d.ReplayCount, refailure.ReplayCount)
                | (Filter.Eq(d => d.ReplayCount, refailure.ReplayCount) & Filter.Eq(d => d.Status, FailedMessageStatus.Redelivered));
            await context.FailedMessages.UpdateOneAsync(
                Filter.Eq(d => d.Id, refailure.Id) & unseen,
                Update.Set(d => d.Status, FailedMessageStatus.Failed)
                    .Set(d => d.ReplayCount, refailure.ReplayCount)
                    .Inc(d => d.Attempts, refailure.Attempts)
                    .Max(d => d.LastFailedAt, MongoMapping.Date(refailure.FailedAt))
                    .Set(d => d.Reason, refailure.Reason)
                    .Set(d => d.ExceptionType, refailure.ExceptionType)
                    .Set(d => d.StackTrace, refailure.StackTrace)
                    .Set(d => d.ReasonPattern, refailure.ReasonPattern)
                    .Set(d => d.Fingerprint, refailure.Fingerprint),
                cancellationToken: cancellationToken);
            return await context.FailedMessages.CountDocumentsAsync(Filter.Eq(d => d.Id, refailure.Id), cancellationToken: cancellationToken) > 0;
        }, cancellationToken);

    public Task<FailedMessage?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        context.RunAsync("find_failed_message", async () =>
        {
            var document = await context.FailedMessages.Find(Filter.Eq(d => d.Id, id)).FirstOrDefaultAsync(cancellationToken);
            return document?.ToDomain();
        }, cancellationToken);

    public Task<FailedMessagePage> ListAsync(FailedMessageQuery query, CancellationToken cancellationToken)
    {
        var filter = Filter.Empty;
        if (query.Queue is { } queue)
        {
            filter &= Filter.Eq(d => d.Queue, queue);
        }

        if (query.MessageType is { } type)
        {
            filter &= Filter.Eq(d => d.MessageType, type);
        }

        if (query.Fingerprint is { } fingerprint)
        {
            filter &= Filter.Eq(d => d.Fingerprint, fingerprint);
        }

        if (query.Status is { } status)
        {
            filter &= Filter.Eq(d => d.Status, status);
        }

        if (query.Kind is { } kind)
        {
            filter &= Filter.Eq(d => d.Kind, kind);
        }

        return context.RunAsync("list_failed_messages", async () =>
        {
            var total = await context.FailedMessages.CountDocumentsAsync(filter, cancellationToken: cancellationToken);
            var documents = await context.FailedMessages.Find(filter)
                .Sort(Sort.Descending(d => d.LastFailedAt).Ascending(d => d.Id))
                .Skip((query.Page - 1) * query.PageSize)
                .Limit(query.PageSize)
                .ToListAsync(cancellationToken);
            return new FailedMessagePage([.. documents.Select(document => document.ToDomain())], query.Page, query.PageSize, total);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<FailedMessageGroup>> ListGroupsAsync(FailedMessageStatus status, CancellationToken cancellationToken) =>
        context.RunAsync<IReadOnlyList<FailedMessageGroup>>("list_failed_message_groups", async () =>
        {
            BsonDocument[] pipeline =
            [
                new("$match", new BsonDocument("status", status.ToString())),
                new("$group", new BsonDocument
                {
                    { "_id", "$fingerprint" },
                    { "messageType", new BsonDocument("$min", "$messageType") },
                    { "exceptionType", new BsonDocument("$min", "$exceptionType") },
                    { "reason", new BsonDocument("$min", "$reasonPattern") },
                    { "count", new BsonDocument("$sum", 1) },
                    { "first", new BsonDocument("$min", "$firstFailedAt") },
                    { "last", new BsonDocument("$max", "$lastFailedAt") },
                }),
            ];
            var groups = await context.FailedMessages.Aggregate<BsonDocument>(pipeline, cancellationToken: cancellationToken)
                .ToListAsync(cancellationToken);
            // Sorted here: a page of groups is small, and the stand-in knows only simple stages.
            return [.. groups
                .Select(group => new FailedMessageGroup(
                    group["_id"].AsString, group["messageType"].AsString, group["exceptionType"].AsString, group["reason"].AsString,
                    group["count"].ToInt64(), MongoMapping.Instant(group["first"].ToUniversalTime()),
                    MongoMapping.Instant(group["last"].ToUniversalTime())))
                .OrderByDescending(group => group.Count)
                .ThenBy(group => group.Fingerprint, StringComparer.Ordinal)];
        }, cancellationToken);

    public Task<IReadOnlyList<FailedMessage>> FindFailedInGroupAsync(string fingerprint, int limit, CancellationToken cancellationToken) =>
        context.RunAsync<IReadOnlyList<FailedMessage>>("find_failed_in_group", async () =>
        {
            var documents = await context.FailedMessages
                .Find(Filter.Eq(d => d.Status, FailedMessageStatus.Failed) & Filter.Eq(d => d.Fingerprint, fingerprint))
                .Sort(Sort.Ascending(d => d.LastFailedAt).Ascending(d => d.Id))
                .Limit(limit)
                .ToListAsync(cancellationToken);
            return [.. documents.Select(document => document.ToDomain())];
        }, cancellationToken);

    public Task<bool> MarkRedeliveredAsync(Guid id, int replayCount, DateTimeOffset at, CancellationToken cancellationToken) =>
        context.RunAsync("mark_failed_message_redelivered", async () => (await context.FailedMessages.UpdateOneAsync(
            Filter.Eq(d => d.Id, id) & Filter.Eq(d => d.Status, FailedMessageStatus.Failed) & Filter.Lt(d => d.ReplayCount, replayCount),
            Update.Set(d => d.Status, FailedMessageStatus.Redelivered)
                .Set(d => d.ReplayCount, replayCount)
                .Set(d => d.StatusChangedAt, MongoMapping.Date(at)),
            cancellationToken: cancellationToken)).ModifiedCount == 1, cancellationToken);

    public Task<bool> DiscardAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken) =>
        context.RunAsync("discard_failed_message", async () => (await context.FailedMessages.UpdateOneAsync(
            Filter.Eq(d => d.Id, id) & Filter.Eq(d => d.Status, FailedMessageStatus.Failed),
            Update.Set(d => d.Status, FailedMessageStatus.Discarded).Set(d => d.StatusChangedAt, MongoMapping.Date(at)),
            cancellationToken: cancellationToken)).ModifiedCount == 1, cancellationToken);

    public Task<int> RemoveDiscardedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        context.RunAsync("remove_discarded_failed_messages", async () => (int)(await context.FailedMessages.DeleteManyAsync(
            Filter.Eq(d => d.Status, FailedMessageStatus.Discarded) & Filter.Lt(d => d.StatusChangedAt, MongoMapping.Date(cutoff)),
            cancellationToken)).DeletedCount, cancellationToken);
}
