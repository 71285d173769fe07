namespace Caduceus.Detection.Anonymization;

/// <summary>One issued pseudonym: the token and the value it stands for.</summary>
/// <param name="Token">The token as it appears in text, e.g. <c>&lt;NAME_1&gt;</c>.</param>
/// <param name="EntityType">One of <see cref="EntityTypes"/>.</param>
/// <param name="Value">The original value. PHI: never log it; <see cref="ToString"/> leaves it out.</param>
public sealed record PseudonymEntry(string Token, string EntityType, string Value)
{
    /// <summary>The token and type only: a record's default text would print the value into any log it reaches.</summary>
    public override string ToString() => $"PseudonymEntry {{ Token = {Token}, EntityType = {EntityType} }}";
}
