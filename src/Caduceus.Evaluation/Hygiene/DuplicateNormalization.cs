using System.Text;

namespace Caduceus.Evaluation.Hygiene;

/// <summary>
/// The form two texts are compared in for duplicates: trimmed, case-folded (invariant lower case) and with every run
/// of white space collapsed to one space. Punctuation and everything else is kept: "Stop." and "stop" differ.
/// </summary>
public static class DuplicateNormalization
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
