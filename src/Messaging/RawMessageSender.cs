using System.Net.Mime;

using MassTransit;

namespace Backend.Messaging;

/// <summary>
/// Sends a body exactly as stored, with its headers, to a queue, on either transport. Returns once the broker
/// confirmed it (RabbitMQ publisher confirms are on by default); what it throws means it may not have arrived.
/// </summary>
public sealed class RawMessageSender(IBus endpoints)
{
    public async Task SendAsync(
        string queue, byte[] body, string? contentType, IReadOnlyDictionary<string, string> headers, Guid? messageId,
        CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.GetSendEndpoint(new Uri($"queue:{queue}"));
        await endpoint.Send(new RawBody(), context =>
        {
            context.Serializer = new PassThroughSerializer(body, new ContentType(contentType ?? "application/json"));
            context.MessageId = messageId ?? NewId.NextGuid();
            foreach (var (name, value) in headers)
            {
                context.Headers.Set(name, value);
            }
        }, cancellationToken);
    }

    /// <summary>A stand-in message: what travels is the stored body, not this.</summary>
    private sealed record RawBody;

    private sealed class PassThroughSerializer(byte[] body, ContentType contentType) : IMessageSerializer
    {
        public ContentType ContentType => contentType;

        public MessageBody GetMessageBody<T>(SendContext<T> context)
            where T : class => new BytesMessageBody(body);
    }
}
