using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi.Devices;

/// <summary>
/// Finds GS1 unique device identifiers (reported as <see cref="EntityTypes.DeviceId"/>) in their human-readable form:
/// <c>(01)</c> and a GTIN-14, followed by any production identifiers (<c>(17)</c> expiry, <c>(10)</c> lot,
/// <c>(21)</c> serial, ...). The finding spans the whole string.
/// </summary>
public sealed partial class UdiRecognizer : IDetector
{
    private static readonly PatternRecognizer Recognizer = new(
        nameof(UdiRecognizer),
        EntityTypes.DeviceId,
        requiredChars: "(",
        [new("GS1 UDI pattern", Udi(), 0.85)],
        new ContextWords(["udi", "unique device identifier", "device", "implant", "gtin", "serial", "lot"]),
        UdiValidator.Check);

    /// <inheritdoc />
    public string Name => Recognizer.Name;

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings) => Recognizer.Detect(input, findings);

    // Each application identifier starts with '(' and its value cannot contain '(' or white space, so the repetition
    // is unambiguous.
    [GeneratedRegex(
        @"(?<![\w)])\(01\)[ ]?[0-9]{14}(?:[ ]?\([0-9]{2,4}\)[ ]?[^\s()]{0,29}[A-Za-z0-9])*",
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Udi();
}
