using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Backend.Domain.FailedMessages;
using Backend.Messaging;

namespace Backend.Fulfilment.FailedMessages;

/// <summary>
/// One message as it arrived on an error or skipped queue, read into the record it makes, and, when it was re-driven
/// from a record before, the update of that record.
/// </summary>
public sealed record FailedDelivery(FailedMessage Record, FailedMessageRefailure? Refailure)
{
    private const int StackTraceLines = 5;

    /// <summary>Reads a delivery from <paramref name="failureQueue"/> (<c>submit-order_error</c>); never throws on a bad body.</summary>
    public static FailedDelivery Read(
        string failureQueue, byte[] body, string? contentType, IReadOnlyDictionary<string, string> headers, DateTimeOffset now)
    {
        var kind = failureQueue.EndsWith(FailedMessageHeaders.SkippedSuffix, StringComparison.Ordinal)
            ? FailedMessageKind.Skipped
            : FailedMessageKind.Error;
        var queue = kind == FailedMessageKind.Skipped
            ? failureQueue[..^FailedMessageHeaders.SkippedSuffix.Length]
            : failureQueue.EndsWith(FailedMessageHeaders.ErrorSuffix, StringComparison.Ordinal)
                ? failureQueue[..^FailedMessageHeaders.ErrorSuffix.Length]
                : failureQueue;
        var content = MessageContent.Read(body);
        var messageType = content.MessageType ?? TypeOfQueue(queue);
        var messageId = Header(headers, "MessageId") ?? Header(headers, "message_id") ?? content.MessageId;
        var reason = Header(headers, "MT-Fault-Message")
            ?? (kind == FailedMessageKind.Skipped ? $"No consumer on '{queue}' takes this message." : Header(headers, "MT-Reason") ?? "unknown");
        var exceptionType = Header(headers, "MT-Fault-ExceptionType") ?? (kind == FailedMessageKind.Skipped ? "Skipped" : "Unknown");
        var failedAt = Header(headers, "MT-Fault-Timestamp") is { } timestamp
            && DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed.ToUniversalTime()
                : now;
        var attempts = 1 + (int.TryParse(Header(headers, "MT-Fault-RetryCount"), CultureInfo.InvariantCulture, out var retries) ? retries : 0);
        var pattern = FailedMessageFingerprint.Pattern(reason, content.OrderId, content.Sku, messageId);
        var fingerprint = FailedMessageFingerprint.Of(messageType, exceptionType, pattern);
        var stackTrace = Header(headers, "MT-Fault-StackTrace") is { } stack
            ? string.Join('\n', stack.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(StackTraceLines))
            : null;
        var replay = ReplayOf(headers) ?? ReplayOf(content.Headers);

        var record = new FailedMessage
        {
            Id = replay?.RecordId ?? IdOf(failureQueue, body, headers),
            Kind = kind,
            Queue = queue,
            MessageType = messageType,
            MessageId = messageId,
            OrderId = content.OrderId,
            Sku = content.Sku,
            Body = body,
            ContentType = contentType,
            Headers = headers,
            Reason = reason,
            ExceptionType = exceptionType,
            StackTrace = stackTrace,
            ReasonPattern = pattern,
            Fingerprint = fingerprint,
            FirstFailedAt = failedAt,
            LastFailedAt = failedAt,
            Attempts = attempts,
            ReplayCount = replay?.Count ?? 0,
            TraceId = TraceIdOf(headers) ?? TraceIdOf(content.Headers),
        };
        var refailure = replay is { } link
            ? new FailedMessageRefailure(link.RecordId, link.Count, failedAt, attempts, reason, exceptionType, stackTrace, pattern, fingerprint)
            : null;
        return new FailedDelivery(record, refailure);
    }

    /// <summary>The headers a re-drive sends back: the original ones, without those of the failure.</summary>
    public static bool IsFailureHeader(string name) =>
        name.StartsWith("MT-Fault-", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("MT-Host-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("MT-Reason", StringComparison.OrdinalIgnoreCase);

    /// <summary>"submit-order" → "SubmitOrder": the type a plain JSON body on that queue is read as.</summary>
    private static string TypeOfQueue(string queue) =>
        string.Concat(queue.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    // The same failure delivered twice (a crash before the acknowledgement) has the same bytes and fault headers;
    // two failures of one body differ in their fault timestamp and host.
    private static Guid IdOf(string failureQueue, byte[] body, IReadOnlyDictionary<string, string> headers)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(failureQueue + "\n"));
        foreach (var (name, value) in headers.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (name.Contains("deliver", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            hash.AppendData(Encoding.UTF8.GetBytes($"{name}={value}\n"));
        }

        hash.AppendData(body);
        return new Guid(hash.GetHashAndReset().AsSpan(0, 16));
    }

    private static (Guid RecordId, int Count)? ReplayOf(IReadOnlyDictionary<string, string> headers) =>
        Guid.TryParse(Header(headers, FailedMessageHeaders.RecordId), out var id)
        && int.TryParse(Header(headers, FailedMessageHeaders.ReplayCount), CultureInfo.InvariantCulture, out var count)
            ? (id, count)
            : null;

    // W3C trace context ("00-<trace id>-<span id>-<flags>"), as MassTransit and OpenTelemetry propagate it.
    private static string? TraceIdOf(IReadOnlyDictionary<string, string> headers) =>
        (Header(headers, "traceparent") ?? Header(headers, "MT-Activity-Id") ?? Header(headers, "Diagnostic-Id"))?.Split('-') is [_, var traceId, _, _]
            ? traceId
            : null;

    private static string? Header(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>What the body says of itself, when it is JSON: a MassTransit envelope or a plain message.</summary>
    private sealed record MessageContent(string? MessageType, string? MessageId, string? OrderId, string? Sku)
    {
        private static readonly Dictionary<string, string> NoHeaders = [];

        /// <summary>An envelope's own headers (MassTransit keeps the trace context there as <c>MT-Activity-Id</c>).</summary>
        public IReadOnlyDictionary<string, string> Headers { get; init; } = NoHeaders;

        public static MessageContent Read(byte[] body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return new(null, null, null, null);
                }

                var envelope = Property(root, "message") is { ValueKind: JsonValueKind.Object } && Property(root, "messageType") is { ValueKind: JsonValueKind.Array };
                var message = envelope ? Property(root, "message")!.Value : root;
                var type = envelope && Property(root, "messageType")!.Value.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.String } urn
                    ? urn.GetString()!.Split(':')[^1]
                    : null;
                var headers = envelope && Property(root, "headers") is { ValueKind: JsonValueKind.Object } envelopeHeaders
                    ? envelopeHeaders.EnumerateObject()
                        .Where(header => header.Value.ValueKind == JsonValueKind.String)
                        .ToDictionary(header => header.Name, header => header.Value.GetString()!)
                    : NoHeaders;
                return new(type, envelope ? Text(root, "messageId") : null, Text(message, "orderId"), Text(message, "sku")) { Headers = headers };
            }
            catch (JsonException)
            {
                return new(null, null, null, null);
            }
        }

        private static string? Text(JsonElement element, string name) =>
            Property(element, name) is { ValueKind: JsonValueKind.String or JsonValueKind.Number } value ? value.ToString() : null;

        // Field names may come in camelCase or PascalCase, as the consumers accept them.
        private static JsonElement? Property(JsonElement element, string name)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value;
                }
            }

            return null;
        }
    }
}
