using Caduceus.Detection.Injection.Normalization;

namespace Caduceus.Detection.Injection;

/// <summary>
/// The weights of evasion, combined with the injection signals by <see cref="InjectionHeuristics"/>. Hiding text from a
/// reader is rare in patient and staff messages and never needed, so it counts on its own; but some techniques also
/// have innocent sources (a zero-width space pasted from a web page, a bidirectional control in mixed Arabic and
/// English text, a Cyrillic letter typed by mistake), and those stay weak: below half, they raise a finding for policy
/// to weigh without blocking by themselves. Text smuggled in tag characters or variation selectors has no innocent
/// source: a model reads it and a person does not see it.
/// </summary>
internal static class EvasionSignals
{
    /// <summary>An injection signal fired only in a folded view (Unicode folding, leetspeak): the attack was disguised.</summary>
    public static EvasionSignal ObfuscatedInstruction { get; } = new("obfuscated_instruction", 0.45, EvasionTechniques.None);

    /// <summary>An injection signal fired only in decoded text (base64, hex, URL encoding, rot13, hidden characters).</summary>
    public static EvasionSignal EncodedInstruction { get; } = new("encoded_instruction", 0.5, EvasionTechniques.None);

    /// <summary>The signals of the techniques themselves, in the order explanations list them.</summary>
    public static EvasionSignal[] Techniques { get; } =
    [
        new("tag_smuggling", 0.6, EvasionTechniques.TagSmuggling),
        new("variation_selector_smuggling", 0.6, EvasionTechniques.VariationSelectorSmuggling),
        new("invisible_characters", 0.35, EvasionTechniques.InvisibleCharacters),
        new("bidi_control", 0.35, EvasionTechniques.BidiControls),
        new("mixed_script", 0.35, EvasionTechniques.MixedScript),
        new("decoding_limit", 0.3, EvasionTechniques.DecodingLimit),
    ];
}
