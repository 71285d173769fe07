using System.Collections.Frozen;

namespace Caduceus.Detection.Injection.Normalization;

/// <summary>
/// Words the injection signals are built from (<see cref="InjectionSignals"/>), in English and Spanish. A leetspeak view,
/// which costs a detector pass, is made only when folding a word turns up one of them, so ordinary clinical shorthand
/// ("A1c", "5mg", "q4h") costs no pass. Keep in step with the signals: a signal word missing here can still be found
/// when another word of the same attack is here. (<see cref="Rot13"/> keeps its own shorter list of stems.)
/// </summary>
internal static class SignalKeywords
{
    /// <summary>Every keyword, lower case.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        // Overrides and their objects.
        "ignore", "disregard", "forget", "override", "bypass", "discard", "abandon", "all", "previous", "prior",
        "above", "earlier", "preceding", "original", "initial", "existing", "your", "system", "developer", "safety",
        "default", "instruction", "instructions", "rule", "rules", "prompt", "prompts", "directive", "directives",
        "guidelines", "guardrails", "restrictions", "constraints", "programming", "commands", "policies", "context",
        "everything", "told",

        // Personas and modes.
        "jailbreak", "jailbroken", "anything", "mode", "enable", "activate", "god", "debug", "admin", "sudo",
        "unrestricted", "uncensored", "unfiltered", "unaligned", "pretend", "roleplay", "character", "persona",
        "without", "disable", "ethical", "moral", "censorship", "filters", "hipaa",

        // Extraction.
        "reveal", "print", "show", "display", "output", "repeat", "recite", "leak", "dump", "expose", "disclose",
        "hidden", "secret", "confidential", "verbatim",

        // Spanish.
        "ignora", "olvida", "descarta", "omite", "instrucciones", "reglas", "anteriores", "previas", "sistema",
        "eres", "finge", "muestra", "revela",
    ];

    /// <summary>Lookup of <see cref="All"/> by span, ignoring case.</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; } =
        All.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
