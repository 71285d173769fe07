using System.Buffers;
using System.Text.Unicode;

namespace Caduceus.Detection.Injection.Normalization;

/// <summary>
/// Decides whether decoded bytes are text someone wrote, as opposed to an image, a hash or a word that merely looks
/// like base64: valid UTF-8, no control characters but tab and line breaks (one in twenty tolerated), and at least a
/// quarter letters (a message may open with a mention, a number or markup). Binary data fails within its first few
/// bytes, so a prefix is enough to reject it.
/// </summary>
internal static class DecodedText
{
    /// <summary>Bytes of a prefix to check before decoding a whole run.</summary>
    public const int PrefixBytes = 48;

    /// <summary>True when <paramref name="bytes"/> (at most <see cref="PrefixBytes"/>) read as text.</summary>
    /// <param name="bytes">Decoded bytes.</param>
    /// <param name="isWhole">False when <paramref name="bytes"/> is a prefix that may end inside a character.</param>
    public static bool IsTextPrefix(ReadOnlySpan<byte> bytes, bool isWhole)
    {
        Span<char> chars = stackalloc char[PrefixBytes];
        if (bytes.Length > PrefixBytes)
        {
            bytes = bytes[..PrefixBytes];
            isWhole = false;
        }

        var status = Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: false, isFinalBlock: isWhole);
        return (status == OperationStatus.Done || (status == OperationStatus.NeedMoreData && !isWhole)) && IsText(chars[..written]);
    }

    /// <summary>The text <paramref name="bytes"/> encode, or null when they are not valid UTF-8 text.</summary>
    /// <param name="bytes">Decoded bytes.</param>
    /// <param name="isWhole">False when <paramref name="bytes"/> were cut short and may end inside a character.</param>
    public static string? Decode(ReadOnlySpan<byte> bytes, bool isWhole = true)
    {
        var rented = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(bytes, rented, out _, out var written, replaceInvalidSequences: false, isFinalBlock: isWhole);
            var chars = rented.AsSpan(0, written);
            var valid = status == OperationStatus.Done || (status == OperationStatus.NeedMoreData && !isWhole);
            return valid && IsText(chars) ? new string(chars) : null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static bool IsText(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return false;
        }

        var letters = 0;
        var controls = 0;
        foreach (var c in chars)
        {
            if (char.IsLetter(c))
            {
                letters++;
            }
            else if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                controls++;
            }
        }

        return controls * 20 <= chars.Length && letters * 4 >= chars.Length;
    }
}
