namespace Caduceus.RedTeam.Attacks;

/// <summary>The OWASP Top 10 for LLM Applications 2025 categories the attack library covers, by their OWASP ids.</summary>
public static class OwaspCategory
{
    public const string PromptInjection = "LLM01";
    public const string SensitiveInformationDisclosure = "LLM02";
    public const string ImproperOutputHandling = "LLM05";
    public const string ExcessiveAgency = "LLM06";
    public const string SystemPromptLeakage = "LLM07";
    public const string UnboundedConsumption = "LLM10";

    /// <summary>Every covered id, in OWASP order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [PromptInjection, SensitiveInformationDisclosure, ImproperOutputHandling, ExcessiveAgency, SystemPromptLeakage, UnboundedConsumption];

    /// <summary>The OWASP title of an id.</summary>
    public static string Title(string id) => id switch
    {
        PromptInjection => "Prompt Injection",
        SensitiveInformationDisclosure => "Sensitive Information Disclosure",
        ImproperOutputHandling => "Improper Output Handling",
        ExcessiveAgency => "Excessive Agency",
        SystemPromptLeakage => "System Prompt Leakage",
        UnboundedConsumption => "Unbounded Consumption",
        _ => id,
    };
}
