namespace Caduceus.Detection.Phi.Spoken;

/// <summary>
/// A spoken identifier read from a transcript: the words it spans and the characters they stand for
/// (<c>five five five, one two one two</c> stands for 5551212).
/// </summary>
/// <param name="Start">Offset of the first word.</param>
/// <param name="End">Offset one past the last word.</param>
/// <param name="Value">The digits and upper-case letters said; used to classify, never reported.</param>
/// <param name="Digits">How many of the characters are digits.</param>
/// <param name="DigitWords">Tokens of digits said as words.</param>
/// <param name="SpelledLetters">Letters confirmed with "as in" or "for", or said in the NATO alphabet.</param>
/// <param name="IsCounting">Four or more numbers said in order ("one, two, three, four"): counting, without context.</param>
internal readonly record struct SpokenRun(int Start, int End, string Value, int Digits, int DigitWords, int SpelledLetters, bool IsCounting)
{
    public int Length => End - Start;

    public int Letters => Value.Length - Digits;
}
