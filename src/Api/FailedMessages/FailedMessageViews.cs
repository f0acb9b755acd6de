using System.Text;

using Backend.Domain.FailedMessages;

namespace Backend.Api.FailedMessages;

/// <summary>A failed message in a listing: what failed and where it stands, without its body.</summary>
public sealed record FailedMessageSummary(
    Guid Id,
    FailedMessageKind Kind,
    string Queue,
    string MessageType,
    string? MessageId,
    string? OrderId,
    string? Sku,
    string Reason,
    string ExceptionType,
    string Fingerprint,
    DateTimeOffset FirstFailedAt,
    DateTimeOffset LastFailedAt,
    int Attempts,
    int ReplayCount,
    string? TraceId,
    FailedMessageStatus Status,
    DateTimeOffset? StatusChangedAt)
{
    public static FailedMessageSummary From(FailedMessage message) => new(
        message.Id, message.Kind, message.Queue, message.MessageType, message.MessageId, message.OrderId, message.Sku, message.Reason,
        message.ExceptionType, message.Fingerprint, message.FirstFailedAt, message.LastFailedAt, message.Attempts, message.ReplayCount,
        message.TraceId, message.Status, message.StatusChangedAt);
}

/// <summary>One failed message whole: the body as received (as text, or base64 when it is not UTF-8), its headers and stack.</summary>
public sealed record FailedMessageDetail(
    FailedMessageSummary Message,
    string? Body,
    string? BodyBase64,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers,
    string? StackTrace)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static FailedMessageDetail From(FailedMessage message)
    {
        string? text;
        try
        {
            text = StrictUtf8.GetString(message.Body);
        }
        catch (DecoderFallbackException)
        {
            text = null;
        }

        return new(
            FailedMessageSummary.From(message), text, text is null ? Convert.ToBase64String(message.Body) : null, message.ContentType,
            message.Headers, message.StackTrace);
    }
}

public sealed record FailedMessageListResponse(IReadOnlyList<FailedMessageSummary> Items, int Page, int PageSize, long TotalCount);

public sealed record FailedMessageGroupList(IReadOnlyList<FailedMessageGroup> Groups);

/// <summary>What a group re-drive or discard found (<c>matched</c>) and how many of those it moved.</summary>
public sealed record FailedMessageBatchResult(int Matched, int Moved);
