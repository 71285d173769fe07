using System.Collections.Frozen;
using Caduceus.Detection.Phi.Identifiers;

namespace Caduceus.Detection.Phi.Spoken;

/// <summary>
/// The words of spoken identifiers: digits ("zero", "oh", "one"), teens, tens, "hundred", repeaters ("double",
/// "triple"), the NATO spelling alphabet and the fillers speakers put between them. Written for this project.
/// </summary>
internal static class SpokenWords
{
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Digits = Lookup(
        ("zero", 0), ("oh", 0), ("nought", 0), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6),
        ("seven", 7), ("eight", 8), ("nine", 9), ("niner", 9));

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Teens = Lookup(
        ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16),
        ("seventeen", 17), ("eighteen", 18), ("nineteen", 19));

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Tens = Lookup(
        ("twenty", 2), ("thirty", 3), ("forty", 4), ("fourty", 4), ("fifty", 5), ("sixty", 6), ("seventy", 7), ("eighty", 8),
        ("ninety", 9));

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Repeaters = Lookup(
        ("double", 2), ("triple", 3));

    private static readonly string[] Nato =
    [
        "alpha", "alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "juliett",
        "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor",
        "whiskey", "whisky", "x-ray", "xray", "yankee", "zulu",
    ];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NatoWords =
        Nato.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FillerWords =
        new[] { "uh", "um", "umm", "er", "erm", "ah", "hmm", "dash", "hyphen" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Words that can start or announce a spoken identifier; a text without any is skipped in one vectorized pass.
    /// "as in" and "for" announce a spelled letter ("S as in Sam").
    /// </summary>
    /// <remarks>
    /// NATO words that are also everyday or clinical words ("echo", "delta", "golf", "hotel", "x-ray") are not
    /// triggers: the search for them would cost more than the rest together, and a run holding them is found from one
    /// of its other words (the reader extends a run backwards over NATO words).
    /// </remarks>
    public static WordStartSearch Triggers { get; } = new(
        [
            "zero", "oh", "nought", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "niner", "ten",
            "eleven", "twelve", "thirteen", "fifteen", "eighteen", "twenty", "thirty", "forty", "fourty", "fifty", "sixty",
            "seventy", "eighty", "ninety", "double", "triple", "as in", "for", "bravo", "foxtrot", "juliet", "juliett",
            "kilo", "quebec", "sierra", "tango", "yankee", "zulu",
        ]);

    public static bool TryGetDigit(ReadOnlySpan<char> word, out int digit) => Digits.TryGetValue(word, out digit);

    public static bool TryGetTeen(ReadOnlySpan<char> word, out int value) => Teens.TryGetValue(word, out value);

    public static bool TryGetTens(ReadOnlySpan<char> word, out int tens) => Tens.TryGetValue(word, out tens);

    public static bool TryGetRepeat(ReadOnlySpan<char> word, out int times) => Repeaters.TryGetValue(word, out times);

    public static bool IsNato(ReadOnlySpan<char> word) => NatoWords.Contains(word);

    public static bool IsFiller(ReadOnlySpan<char> word) => FillerWords.Contains(word);

    public static bool IsHundred(ReadOnlySpan<char> word) => word.Equals("hundred", StringComparison.OrdinalIgnoreCase);

    private static FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup(params (string Word, int Value)[] entries) =>
        entries.ToFrozenDictionary(e => e.Word, e => e.Value, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
