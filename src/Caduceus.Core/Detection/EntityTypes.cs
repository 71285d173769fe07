namespace Caduceus.Detection;

/// <summary>Names of the entity types findings carry. Upper snake case, stable: they appear in policy and events.</summary>
public static class EntityTypes
{
    public const string Ssn = "SSN";
    public const string Phone = "PHONE";
    public const string Email = "EMAIL";
    public const string Mrn = "MRN";
    public const string PromptInjection = "PROMPT_INJECTION";
}
