using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi.Vehicles;

/// <summary>
/// Finds vehicle identification numbers (reported as <see cref="EntityTypes.Vehicle"/>): 17 letters and digits without
/// I, O and Q. A valid check digit is enough on its own; without one a context word ("VIN", "vehicle", "car") must be
/// nearby.
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

    [GeneratedRegex(@"(?<![\w-])[A-HJ-NPR-Z0-9]{17}(?![\w-])", DetectionRegex.IgnoreCase, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Vin();
}
