using System.Buffers.Binary;
using System.Buffers.Text;

using Backend.Domain.Orders;

namespace Backend.Api.Orders;

/// <summary>
/// The <c>after</c> of a listing's <c>next</c> link: the sort keys of the page's last order (acceptance time in
/// UTC ticks, then id), base64url, so a client passes it back as it is and never builds one.
/// </summary>
public static class OrderCursorToken
{
    private const int Length = sizeof(long) + 16;

    public static string Format(OrderCursor cursor)
    {
        Span<byte> bytes = stackalloc byte[Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes, cursor.AcceptedAt.UtcTicks);
        cursor.Id.TryWriteBytes(bytes[sizeof(long)..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    public static OrderCursor? Parse(string token)
    {
        Span<byte> bytes = stackalloc byte[Length + 3];
        if (!Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != Length)
        {
            return null;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        return ticks is < 0 or > 3_155_378_975_999_999_999
            ? null
            : new OrderCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes[sizeof(long)..Length], bigEndian: true));
    }
}
