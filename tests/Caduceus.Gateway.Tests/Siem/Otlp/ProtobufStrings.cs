using System.Text;

namespace Caduceus.Gateway.Tests.Siem.Otlp;

/// <summary>
/// Reads protobuf's wire format without its schema: walks every field, descends into length-delimited fields that
/// parse as messages, and collects those that are UTF-8 text. Enough to check what an OTLP export carried.
/// </summary>
internal static class ProtobufStrings
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static HashSet<string> Read(byte[] message)
    {
        var strings = new HashSet<string>(StringComparer.Ordinal);
        Assert.True(TryWalk(message, strings), "not a protobuf message");
        return strings;
    }

    private static bool TryWalk(ReadOnlySpan<byte> message, HashSet<string> strings)
    {
        var found = new List<string>();
        var position = 0;
        while (position < message.Length)
        {
            if (!TryVarint(message, ref position, out var key) || key >> 3 == 0)
            {
                return false;
            }

            switch (key & 7)
            {
                case 0:
                    if (!TryVarint(message, ref position, out _))
                    {
                        return false;
                    }

                    break;
                case 1:
                    position += 8;
                    break;
                case 5:
                    position += 4;
                    break;
                case 2:
                    if (!TryVarint(message, ref position, out var length) || length > (ulong)(message.Length - position))
                    {
                        return false;
                    }

                    var field = message.Slice(position, (int)length);
                    position += (int)length;
                    var nested = new HashSet<string>(StringComparer.Ordinal);
                    if (field.Length > 0 && TryWalk(field, nested))
                    {
                        found.AddRange(nested);
                    }

                    if (TryText(field, out var text))
                    {
                        found.Add(text);
                    }

                    break;
                default:
                    return false;
            }
        }

        if (position != message.Length)
        {
            return false;
        }

        strings.UnionWith(found);
        return true;
    }

    private static bool TryText(ReadOnlySpan<byte> field, out string text)
    {
        text = string.Empty;
        try
        {
            text = StrictUtf8.GetString(field);
            return text.All(c => !char.IsControl(c));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool TryVarint(ReadOnlySpan<byte> message, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && position < message.Length; shift += 7)
        {
            var b = message[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
