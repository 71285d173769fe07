using Caduceus.RedTeam.Attacks.Library;

namespace Caduceus.RedTeam.Attacks;

/// <summary>
/// The attack library, written for this project from what attackers do (OWASP Top 10 for LLM Applications 2025),
/// not copied from any evaluation data set. Grouped by OWASP id.
/// </summary>
public static class AttackLibrary
{
    public static IReadOnlyList<Attack> All { get; } =
    [
        .. PromptInjectionAttacks.Create(),
        .. SensitiveInformationAttacks.Create(),
        .. OutputHandlingAttacks.Create(),
        .. ExcessiveAgencyAttacks.Create(),
        .. SystemPromptLeakageAttacks.Create(),
        .. UnboundedConsumptionAttacks.Create(),
    ];
}
