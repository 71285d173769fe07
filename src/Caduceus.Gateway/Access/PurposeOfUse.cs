using System.Diagnostics.CodeAnalysis;

namespace Caduceus.Gateway.Access;

/// <summary>
/// Why the caller wants the data (HIPAA's treatment, payment and health care operations, and the patient's own use),
/// sent as <c>X-Caduceus-Purpose-Of-Use</c>.
/// </summary>
internal static class PurposeOfUse
{
    public const string HeaderName = "X-Caduceus-Purpose-Of-Use";

    public const string Treatment = "treatment";
    public const string Payment = "payment";
    public const string Operations = "operations";
    public const string SelfService = "self_service";

    public static IReadOnlyList<string> All { get; } = [Treatment, Payment, Operations, SelfService];

    public static bool TryParse(string? value, [NotNullWhen(true)] out string? purpose)
    {
        purpose = All.FirstOrDefault(p => string.Equals(p, value?.Trim(), StringComparison.OrdinalIgnoreCase));
        return purpose is not null;
    }
}
