using System.Buffers;
using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi.Ages;

/// <summary>
/// Finds ages over 89, the only ages Safe Harbor protects: <c>92-year-old</c>, <c>92 yo</c>, <c>92 y/o</c>,
/// <c>aged 95</c>, <c>age: 101</c>, <c>92M with</c>, <c>ninety-two year old</c>, Spanish <c>de 93 años</c>, a patient's
/// own <c>I'm 93 and</c>, someone else's <c>my father is 95 and</c>, <c>she turned 100.</c>, <c>recommended at 95?</c>, and the words <c>nonagenarian</c> and <c>centenarian</c>. A finding covers the number (or the
/// spelled number or the word), not the "year old" around it. Ages of 89 and under give no finding.
/// </summary>
public sealed partial class AgeRecognizer : IDetector
{
    private const string NotAfterToken = @"(?<![\w.,/-])";

    // A number after "is", "was" or "at" is often a measurement: "HR is 95.", "sats steady at 92", "score was 100."
    private const string NotAfterMeasurement =
        @"(?<!\b(?i:fever|temp|temperature|febrile|thermometer|tmax|hr|heart|pulse|rate|sats?|spo2|o2|oxygen|bp|pressure|systolic|diastolic"
        + @"|glucose|sugar|bg|level|a1c|ldl|hdl|cholesterol|weight|weighs|score|count|total|number|iq|grade|reading|page|room|bed|floor"
        + @"|mph|speed|dose|set|capped|stable|steady|running|titrated|limit|bpm|rr|resp)\b[^\n]{0,40})";

    // "year old", "years-old", "yr old", "yo", "y/o", "y.o.", "years of age"; Spanish "años".
    private const string YearsOld =
        @"(?i:[- ]?(?:(?:years?|yrs?|y)[- ]?old\b|(?:yo|y/o|y\.o\.?|yoa)(?!\w)|(?:years?|yrs?)\s+of\s+age\b|(?:años|anos)\b))";

    // Every spelled age pattern contains one of these; most texts contain none.
    private static readonly SearchValues<string> SpelledNumbers =
        SearchValues.Create(["ninety", "hundred", "noventa", "cien"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> AgeLabels = SearchValues.Create(["age", "edad"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> FirstPerson = SearchValues.Create(["i'm", "i\u2019m", "i am"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> StatedLeads = SearchValues.Create(["is ", "was ", "'s ", "\u2019s ", "turn", "reached ", "at "], StringComparison.OrdinalIgnoreCase);

    private static readonly PatternRecognizer Numeric = new(
        nameof(AgeRecognizer),
        EntityTypes.Age,
        requiredChars: "0123456789",
        [
            new("age pattern with years old", WithYearsOld(), 0.85),
            new("age pattern after an age label", Labelled(), 0.85, Precheck: static text => text.ContainsAny(AgeLabels)),
            new("age pattern with sex letter before a history", WithSexLetter(), 0.75),
            new("age pattern said by the patient", SelfStated(), 0.8, Precheck: static text => text.ContainsAny(FirstPerson)),
            new("age pattern stated of a person", StatedOfAPerson(), 0.75, Precheck: static text => text.ContainsAny(StatedLeads)),
        ],
        ContextWords.None,
        AgeValidator.Check);

    private static readonly PatternRecognizer Words = new(
        nameof(AgeRecognizer),
        EntityTypes.Age,
        requiredChars: "aAoO",
        [
            new("age over 89 spelled out", Spelled(), 0.85, Precheck: static text => text.ContainsAny(SpelledNumbers)),
            new("word for an age over 89", AgeWords(), 0.8, Precheck: static text => text.Contains("enari", StringComparison.OrdinalIgnoreCase)),
        ],
        ContextWords.None);

    /// <inheritdoc />
    public string Name => Numeric.Name;

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings)
    {
        Numeric.Detect(input, findings);
        Words.Detect(input, findings);
    }

    [GeneratedRegex(NotAfterToken + "[0-9]{2,3}(?=" + YearsOld + ")", DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex WithYearsOld();

    // "aged 95", "age: 101", "at the age of 92", Spanish "edad: 93"; not "age 95 days" or "age 92%".
    [GeneratedRegex(
        @"(?=[0-9]{2,3}(?![0-9]))(?<=\b(?i:aged?|age\s+of|edad|edad\s+de)\s{0,3}[:=]?\s{0,3})[0-9]{2,3}(?![\w]|[.,][0-9]|\s*(?:%|(?i:days?|weeks?|months?|mg|kg|lbs?)\b))",
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Labelled();

    // "92M with CHF", "94 F presents": clinical shorthand. Temperatures look the same ("101F"), so only before a word
    // that opens a history, and not after a temperature word ("febrile to 101F with chills").
    [GeneratedRegex(
        @"(?=[0-9]{2,3}[ -]?[MF][ ])" + NotAfterToken + @"(?<!(?i:\b(?:t|temp|tmax|temperature|febrile|fever|fevers|spiked|to|of|at)\b)[ :=]{0,3})"
        + @"[0-9]{2,3}(?=[ -]?[MF][ ]{1,2}(?i:with|w/|who|presents?|presenting|admitted|pt|patient|h/o|hx|s/p|pmh|c/o|here)(?![\w]))",
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex WithSexLetter();

    // "I'm 93 and it's hard", "I am 101.": the age ends the clause. What may follow is closed (punctuation other than a
    // decimal point, the end, or a word that carries on the sentence), so units never pass: "I'm 95 kg", "I'm 98.6",
    // "I'm 90 percent sure", "I'm 92% better", "I'm 100 miles away". Right after talk of a fever, "I'm 101." is a
    // temperature.
    [GeneratedRegex(
        @"(?=[0-9]{2,3}(?![0-9]))(?<=\b(?i:i'm|i\u2019m|i\s{1,2}am)\s{1,2})(?<!(?i:fever|temp|temperature|febrile|thermometer)[^\n]{0,40})[0-9]{2,3}"
        + @"(?=\s{0,2}(?:[.,;:!?)](?![0-9])|\r?\n|$)|\s{1,2}(?i:and|but|so|now|already|soon|today|myself|too|this\s+year|next\s+(?:week|month|year))\b)",
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex SelfStated();

    // "My father is 95 and keeps forgetting", "she's 101.", "he turned 100 today", "recommended at 95?": the same closed
    // clause end as a patient's own age, and not where a measurement was named earlier on the line ("HR is 95.").
    [GeneratedRegex(
        @"(?=[0-9]{2,3}(?![0-9]))(?<=\b(?i:is|was|he's|she's|he\u2019s|she\u2019s|turned|turns|turning|reached|at)\s{1,2})" + NotAfterMeasurement + "[0-9]{2,3}"
        + @"(?=\s{0,2}(?:[.,;:!?)](?![0-9])|\r?\n|$)|\s{1,2}(?i:and|but|so|now|already|soon|today|tomorrow|this\s+year|next\s+(?:week|month|year))\b)",
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex StatedOfAPerson();

    // Every spelled number here is over 89, so no validator is needed.
    [GeneratedRegex(
        @"\b(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:one |a )?hundred(?:(?: and)?[- ](?:one|two|three|four|five|six|seven|eight|nine|ten))?)(?=[- ](?:years?|yrs?)[- ]old\b)"
        + @"|\bnoventa(?: y (?:uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve))?(?= años\b)|\bcien(?:to (?:uno|dos|tres|cuatro|cinco))?(?= años\b)",
        DetectionRegex.IgnoreCase,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Spelled();

    [GeneratedRegex(
        @"\b(?:(?:super)?centenarian|nonagenarian|nonagenari[ao])s?\b",
        DetectionRegex.IgnoreCase,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex AgeWords();
}
