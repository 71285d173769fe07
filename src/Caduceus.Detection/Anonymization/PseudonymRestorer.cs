using System.Text;

namespace Caduceus.Detection.Anonymization;

/// <summary>
/// Puts real values back into a text that speaks in pseudonym tokens (a model's answer): every token issued in the
/// scope becomes its value. A token never issued in the scope is left as it is, so a model that invents
/// <c>&lt;NAME_7&gt;</c> gets nothing. For an answer that streams, use <see cref="StreamingPseudonymRestorer"/>.
/// </summary>
public static class PseudonymRestorer
{
    /// <summary><paramref name="text"/> with the scope's tokens replaced; the same instance when it has none.</summary>
    public static string Restore(string text, PseudonymTable pseudonyms) => Restore(text, pseudonyms, out _);

    /// <summary><paramref name="text"/> with the scope's tokens replaced, and how many were.</summary>
    public static string Restore(string text, PseudonymTable pseudonyms, out int restored)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(pseudonyms);
        restored = 0;
        var open = text.IndexOf('<', StringComparison.Ordinal);
        if (open < 0)
        {
            return text;
        }

        StringBuilder? result = null;
        var copied = 0;
        while (open >= 0)
        {
            var close = text.AsSpan(open, Math.Min(PseudonymToken.MaxLength, text.Length - open)).IndexOf('>');
            if (close > 0)
            {
                var token = text.AsSpan(open, close + 1);
                if (PseudonymToken.TryParse(token, out _, out _) && pseudonyms.TryGetValue(token, out var value))
                {
                    result ??= new StringBuilder(text.Length + 32);
                    result.Append(text, copied, open - copied).Append(value);
                    copied = open + token.Length;
                    restored++;
                }
            }

            open = text.IndexOf('<', open + 1);
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }
}
