using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi;

/// <summary>
/// Finds medical record numbers: 6-10 digits, optionally behind a short letter prefix (<c>A1234567</c>,
/// <c>MRN-00123456</c>). Record numbers have no universal format, so a candidate counts only with a context word
/// ("MRN", "medical record number", "chart number", "patient ID") before it, or when it carries the MRN prefix itself.
/// </summary>
public sealed partial class MrnRecognizer : IDetector
{
    private const string NotAfterToken = @"(?<![\w-])";
    private const string NotBeforeToken = @"(?![\w-]|[.,][0-9])";

    internal static readonly PatternRecognizer Recognizer = new(
        nameof(MrnRecognizer),
        EntityTypes.Mrn,
        requiredChars: "0123456789",
        [
            new("MRN pattern with MRN prefix", Labelled(), 0.9),
            new("MRN pattern of digits with optional letter prefix", Digits(), 0.4, RequiresContext: true, Anchor: new RegexAnchor("0123456789", tokenChars: "-")),
        ],
        new ContextWords(
        [
            "mrn", "mr#", "medical record number", "medical record", "medical record #", "record #", "record number",
            "chart number", "chart #", "patient id", "patient #", "patient number", "hospital number",
        ]),
        validator: null);

    /// <inheritdoc />
    public string Name => Recognizer.Name;

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings) => Recognizer.Detect(input, findings);

    // MRN-00123456 or MRN00123456: the prefix is the context.
    [GeneratedRegex(NotAfterToken + "(?i:MRN)-?[0-9]{6,10}" + NotBeforeToken, DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Labelled();

    // 12345678, A1234567, AB-1234567: only with context.
    [GeneratedRegex(@"\G" + NotAfterToken + "(?:[A-Za-z]{1,3}-?)?[0-9]{6,10}" + NotBeforeToken, DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Digits();
}
