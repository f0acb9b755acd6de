using System.Globalization;
using System.Text.Json;

using Backend.Domain.FailedMessages;

using Microsoft.Data.Sqlite;

namespace Backend.Store.Sqlite;

/// <summary>One row per failed message in <c>failed_messages</c>; every write is one conditional statement.</summary>
internal sealed class SqliteFailedMessageStore(SqliteDatabase database) : IFailedMessageStore
{
    private const string Columns = """
        id, kind, queue, message_type, message_id, order_id, sku, body, content_type, headers, reason, exception_type,
        stack_trace, reason_pattern, fingerprint, first_failed_at, last_failed_at, attempts, replay_count, trace_id, status,
        status_changed_at
        """;

    private const string Failed = nameof(FailedMessageStatus.Failed);

    public Task<bool> TryAddAsync(FailedMessage message, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("add_failed_message", async connection => await connection.ExecuteAsync(
            $"""
            INSERT INTO failed_messages ({Columns}) VALUES (@id, @kind, @queue, @type, @messageId, @orderId, @sku, @body,
                @contentType, @headers, @reason, @exceptionType, @stackTrace, @pattern, @fingerprint, @first, @last, @attempts,
                @replays, @traceId, @status, @changedAt)
            ON CONFLICT (id) DO NOTHING
            """,
            cancellationToken, null,
            ("@id", SqliteValues.Id(message.Id)), ("@kind", message.Kind.ToString()), ("@queue", message.Queue),
            ("@type", message.MessageType), ("@messageId", message.MessageId), ("@orderId", message.OrderId), ("@sku", message.Sku),
            ("@body", message.Body), ("@contentType", message.ContentType), ("@headers", JsonSerializer.Serialize(message.Headers)),
            ("@reason", message.Reason), ("@exceptionType", message.ExceptionType), ("@stackTrace", message.StackTrace),
            ("@pattern", message.ReasonPattern), ("@fingerprint", message.Fingerprint),
            ("@first", SqliteValues.Instant(message.FirstFailedAt)), ("@last", SqliteValues.Instant(message.LastFailedAt)),
            ("@attempts", message.Attempts), ("@replays", message.ReplayCount), ("@traceId", message.TraceId),
            ("@status", message.Status.ToString()), ("@changedAt", SqliteValues.InstantOrNull(message.StatusChangedAt))) == 1,
            cancellationToken);

    public Task<bool> RecordRefailureAsync(FailedMessageRefailure refailure, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("record_failed_message_refailure", async connection =>
        {
            // A record of this replay that is Redelivered has not seen this failure yet; one that is Failed has.
            await connection.ExecuteAsync(
                """
                UPDATE failed_messages SET status = 'Failed', replay_count = @replays, attempts = attempts + @attempts,
                    last_failed_at = MAX(last_failed_at, @at), reason = @reason, exception_type = @exceptionType,
                    stack_trace = @stackTrace, reason_pattern = @pattern, fingerprint = @fingerprint
                WHERE id = @id AND (replay_count < @replays OR (replay_count = @replays AND status = 'Redelivered'))
                """,
                cancellationToken, null,
                ("@id", SqliteValues.Id(refailure.Id)), ("@replays", refailure.ReplayCount), ("@attempts", refailure.Attempts),
                ("@at", SqliteValues.Instant(refailure.FailedAt)), ("@reason", refailure.Reason),
                ("@exceptionType", refailure.ExceptionType), ("@stackTrace", refailure.StackTrace),
                ("@pattern", refailure.ReasonPattern), ("@fingerprint", refailure.Fingerprint));
            return await connection.ScalarAsync(
                "SELECT 1 FROM failed_messages WHERE id = @id", cancellationToken, null, ("@id", SqliteValues.Id(refailure.Id))) is not null;
        }, cancellationToken);

    public Task<FailedMessage?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("find_failed_message", async connection =>
        {
            var rows = await connection.QueryAsync(
                $"SELECT {Columns} FROM failed_messages WHERE id = @id", Read, cancellationToken, null, ("@id", SqliteValues.Id(id)));
            return rows.Count == 0 ? null : rows[0];
        }, cancellationToken);

    public Task<FailedMessagePage> ListAsync(FailedMessageQuery query, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("list_failed_messages", async connection =>
        {
            var (where, parameters) = Filter(query);
            var total = Convert.ToInt64(
                await connection.ScalarAsync($"SELECT COUNT(*) FROM failed_messages {where}", cancellationToken, null, parameters),
                CultureInfo.InvariantCulture);
            var items = await connection.QueryAsync(
                $"SELECT {Columns} FROM failed_messages {where} ORDER BY last_failed_at DESC, id LIMIT @take OFFSET @skip",
                Read, cancellationToken, null,
                [.. parameters, ("@take", query.PageSize), ("@skip", (query.Page - 1) * (long)query.PageSize)]);
            return new FailedMessagePage(items, query.Page, query.PageSize, total);
        }, cancellationToken);

    public Task<IReadOnlyList<FailedMessageGroup>> ListGroupsAsync(FailedMessageStatus status, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("list_failed_message_groups", connection => connection.QueryAsync(
            """
            SELECT fingerprint, MIN(message_type), MIN(exception_type), MIN(reason_pattern), COUNT(*),
                MIN(first_failed_at), MAX(last_failed_at)
            FROM failed_messages WHERE status = @status
            GROUP BY fingerprint ORDER BY COUNT(*) DESC, fingerprint
            """,
            reader => new FailedMessageGroup(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                Instant(reader.GetString(5)), Instant(reader.GetString(6))),
            cancellationToken, null, ("@status", status.ToString())),
            cancellationToken);

    public Task<IReadOnlyList<FailedMessage>> FindFailedInGroupAsync(string fingerprint, int limit, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("find_failed_in_group", connection => connection.QueryAsync(
            $"""
            SELECT {Columns} FROM failed_messages WHERE status = '{Failed}' AND fingerprint = @fingerprint
            ORDER BY last_failed_at, id LIMIT @limit
            """,
            Read, cancellationToken, null, ("@fingerprint", fingerprint), ("@limit", limit)),
            cancellationToken);

    public Task<bool> MarkRedeliveredAsync(Guid id, int replayCount, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("mark_failed_message_redelivered", async connection => await connection.ExecuteAsync(
            $"""
            UPDATE failed_messages SET status = 'Redelivered', replay_count = @replays, status_changed_at = @at
            WHERE id = @id AND status = '{Failed}' AND replay_count < @replays
            """,
            cancellationToken, null, ("@id", SqliteValues.Id(id)), ("@replays", replayCount), ("@at", SqliteValues.Instant(at))) == 1,
            cancellationToken);

    public Task<bool> DiscardAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("discard_failed_message", async connection => await connection.ExecuteAsync(
            $"UPDATE failed_messages SET status = 'Discarded', status_changed_at = @at WHERE id = @id AND status = '{Failed}'",
            cancellationToken, null, ("@id", SqliteValues.Id(id)), ("@at", SqliteValues.Instant(at))) == 1,
            cancellationToken);

    public Task<int> RemoveDiscardedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("remove_discarded_failed_messages", connection => connection.ExecuteAsync(
            "DELETE FROM failed_messages WHERE status = 'Discarded' AND status_changed_at < @cutoff",
            cancellationToken, null, ("@cutoff", SqliteValues.Instant(cutoff))),
            cancellationToken);

    private static (string Where, (string, object?)[] Parameters) Filter(FailedMessageQuery query)
    {
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>();
        void Add(string column, object? value)
        {
            if (value is not null)
            {
                conditions.Add($"{column} = @{column}");
                parameters.Add(($"@{column}", value));
            }
        }

        Add("queue", query.Queue);
        Add("message_type", query.MessageType);
        Add("fingerprint", query.Fingerprint);
        Add("status", query.Status?.ToString());
        Add("kind", query.Kind?.ToString());
        return (conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions), parameters.ToArray());
    }

    private static FailedMessage Read(SqliteDataReader reader) => new()
    {
        Id = Guid.Parse(reader.GetString(0)),
        Kind = Enum.Parse<FailedMessageKind>(reader.GetString(1)),
        Queue = reader.GetString(2),
        MessageType = reader.GetString(3),
        MessageId = NullableString(reader, 4),
        OrderId = NullableString(reader, 5),
        Sku = NullableString(reader, 6),
        Body = (byte[])reader.GetValue(7),
        ContentType = NullableString(reader, 8),
        Headers = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(9)) ?? [],
        Reason = reader.GetString(10),
        ExceptionType = reader.GetString(11),
        StackTrace = NullableString(reader, 12),
        ReasonPattern = reader.GetString(13),
        Fingerprint = reader.GetString(14),
        FirstFailedAt = Instant(reader.GetString(15)),
        LastFailedAt = Instant(reader.GetString(16)),
        Attempts = reader.GetInt32(17),
        ReplayCount = reader.GetInt32(18),
        TraceId = NullableString(reader, 19),
        Status = Enum.Parse<FailedMessageStatus>(reader.GetString(20)),
        StatusChangedAt = reader.IsDBNull(21) ? null : Instant(reader.GetString(21)),
    };

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset Instant(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
