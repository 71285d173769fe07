using System.Buffers;

namespace Caduceus.Detection.Injection.Normalization;

/// <summary>
/// Rot13, the letter rotation attackers use to slip instructions past keyword filters ("vtaber cerivbhf
/// vafgehpgvbaf"). A rot13 view is offered only when the text contains the rot13 form of one of a few words nearly
/// every injection uses, or names the cipher: one vectorized search, and no detector pass for ordinary text.
/// </summary>
internal static class Rot13
{
    // Few enough for the vectorized multi-string search (all fifty SignalKeywords fall back to Aho-Corasick: 13 µs on
    // 2 KB instead of well under 1), long enough not to occur rotated in ordinary words.
    private static readonly string[] Stems =
    [
        "ignore", "disregard", "forget", "override", "bypass", "previous", "instruction", "system", "prompt", "jailbreak",
        "reveal", "pretend", "anything", "unfiltered", "developer", "restrict",
    ];

    private static readonly SearchValues<string> Triggers = SearchValues.Create(
        [.. Stems.Select(Apply), "rot13", "rot-13"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>True when a rot13 view of <paramref name="text"/> may reveal something.</summary>
    public static bool IsLikely(ReadOnlySpan<char> text) => text.IndexOfAny(Triggers) >= 0;

    /// <summary>The text with ASCII letters rotated by 13 places.</summary>
    public static string Apply(string text) => string.Create(text.Length, text, static (destination, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            destination[i] = c switch
            {
                >= 'a' and <= 'z' => (char)('a' + ((c - 'a' + 13) % 26)),
                >= 'A' and <= 'Z' => (char)('A' + ((c - 'A' + 13) % 26)),
                _ => c,
            };
        }
    });
}
