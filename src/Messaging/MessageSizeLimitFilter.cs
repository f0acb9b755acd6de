using MassTransit;
using MassTransit.Middleware;
using MassTransit.Middleware.Rescue;

namespace Backend.Messaging;

/// <summary>
/// Moves a message whose body is over the limit to the endpoint's error queue, unread, with the reason in its
/// headers, and so acknowledges it: the consume pipe never deserializes it.
/// </summary>
/// <remarks>
/// A receive filter runs outside MassTransit's own rescue of the receive pipe, so a thrown exception would reach
/// the transport instead of the error queue; the filter hands the message to the same fault and error-transport
/// steps the rescue uses (what <c>ConfigureDefaultErrorTransport</c> installs).
/// </remarks>
public sealed class MessageSizeLimitFilter(long maxBytes) : IFilter<ReceiveContext>
{
    private readonly IPipe<ExceptionReceiveContext> _toErrorQueue = Pipe.New<ExceptionReceiveContext>(pipe =>
    {
        pipe.UseFilter(new GenerateFaultFilter());
        pipe.UseFilter(new ErrorTransportFilter());
    });

    public Task Send(ReceiveContext context, IPipe<ReceiveContext> next)
    {
        // Both transports hand the body over as bytes, so its length is known without reading it.
        return context.Body.Length is { } length && length > maxBytes
            ? _toErrorQueue.Send(new RescueExceptionReceiveContext(
                context, new MessageTooLargeException($"The message body has {length} bytes; at most {maxBytes} are read.")))
            : next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("messageSizeLimit").Add("maxBytes", maxBytes);
}

/// <summary>A message over <c>Messaging:MaxMessageBytes</c>: never retried, never deserialized.</summary>
public sealed class MessageTooLargeException(string message) : Exception(message);
