using System.Text.Json;
using System.Text.Json.Nodes;

namespace Backend.Messaging;

/// <summary>
/// The headers inside a MassTransit envelope. The in-memory transport keeps only those (and the fault's) when it
/// moves a message to its error queue, so a re-drive writes its own headers there too.
/// </summary>
public static class EnvelopeHeaders
{
    /// <summary>The body with <paramref name="headers"/> set in its envelope's <c>headers</c>; any other body unchanged.</summary>
    public static byte[] With(byte[] body, IReadOnlyDictionary<string, string> headers)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return body;
        }

        if (root is not JsonObject envelope || envelope["message"] is not JsonObject || envelope["messageType"] is not JsonArray)
        {
            return body;
        }

        if (envelope["headers"] is not JsonObject envelopeHeaders)
        {
            envelope["headers"] = envelopeHeaders = [];
        }

        foreach (var (name, value) in headers)
        {
            envelopeHeaders[name] = value;
        }

        return JsonSerializer.SerializeToUtf8Bytes(envelope);
    }
}
