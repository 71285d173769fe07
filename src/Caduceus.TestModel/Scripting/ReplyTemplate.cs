using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Caduceus.TestModel.Protocol;

namespace Caduceus.TestModel.Scripting;

/// <summary>
/// A reply or tool-arguments text with <c>{{name}}</c> placeholders, parsed once at script load so unknown
/// placeholder names are reported then rather than sent to a client.
/// </summary>
internal sealed partial class ReplyTemplate
{
    /// <summary>The placeholder names a script may use.</summary>
    public static readonly IReadOnlyList<string> PlaceholderNames = ["lastUser", "system", "lastTool"];

    // Each segment is literal text or, when IsPlaceholder, a placeholder name.
    private readonly (string Value, bool IsPlaceholder)[] _segments;

    private ReplyTemplate((string, bool)[] segments) => _segments = segments;

    /// <summary>Parses <paramref name="text"/>; returns the unknown placeholder name in <paramref name="unknown"/> when there is one.</summary>
    public static ReplyTemplate Parse(string text, out string? unknown)
    {
        unknown = null;
        var segments = new List<(string, bool)>();
        var position = 0;
        foreach (Match match in PlaceholderPattern().Matches(text))
        {
            var name = match.Groups[1].Value;
            if (!PlaceholderNames.Contains(name))
            {
                unknown ??= name;
                continue;
            }

            if (match.Index > position)
            {
                segments.Add((text[position..match.Index], false));
            }

            segments.Add((name, true));
            position = match.Index + match.Length;
        }

        if (position < text.Length)
        {
            segments.Add((text[position..], false));
        }

        return new ReplyTemplate([.. segments]);
    }

    /// <summary>Fills the placeholders from <paramref name="request"/>; with <paramref name="jsonEscape"/> the values are escaped for use inside a JSON string.</summary>
    public string Render(ChatRequest request, bool jsonEscape)
    {
        if (_segments is [(var only, false)])
        {
            return only;
        }

        var builder = new StringBuilder();
        foreach (var (value, isPlaceholder) in _segments)
        {
            if (!isPlaceholder)
            {
                builder.Append(value);
                continue;
            }

            var filled = value switch
            {
                "lastUser" => request.LastUserText,
                "system" => request.SystemText,
                _ => request.LastToolText,
            };
            builder.Append(jsonEscape ? JsonEncodedText.Encode(filled, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value : filled);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\{\{\s*(\w+)\s*\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PlaceholderPattern();
}
