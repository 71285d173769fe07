using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi.Vehicles;

/// <summary>
/// Finds vehicle identification numbers (reported as <see cref="EntityTypes.Vehicle"/>): 17 letters and digits without
/// I, O and Q, the last three digits (the serial number, numeric in North American and ISO 3779 VINs). A valid check
/// digit is enough on its own; without one a context word ("VIN", "vehicle", "car") must be nearby.
/// </summary>
public sealed partial class VinRecognizer : IDetector
{
    private static readonly PatternRecognizer Recognizer = new(
        nameof(VinRecognizer),
        EntityTypes.Vehicle,
        requiredChars: "0123456789",
        [new("VIN pattern of 17 characters", Vin(), 0.65)],
        new ContextWords(
        [
            "vin", "vin #", "vehicle identification number", "vehicle", "car", "truck", "motorcycle", "van", "chassis",
        ]),
        VinValidator.Check);

    /// <inheritdoc />
    public string Name => Recognizer.Name;

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings) => Recognizer.Detect(input, findings);

    // The last three characters are digits (the serial part of the VIS). Word boundaries, and no '-' on either side
    // checked after the fixed-length body: this lets the regex engine search for the digits with vectorized IndexOfAny
    // instead of trying every letter (25 times faster on clinical notes).
    [GeneratedRegex(
        @"\b[A-HJ-NPR-Z0-9]{14}[0-9]{3}\b(?!-)(?<!-[A-Za-z0-9]{17})",
        DetectionRegex.IgnoreCase,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Vin();
}
