namespace Caduceus.Detection.Anonymization;

/// <summary>
/// Carries out a decision on one detected value (Presidio's anonymizer operator): returns what replaces it.
/// Implementations are stateless apart from their configuration and thread-safe: one instance serves every request;
/// whatever must stay consistent within a conversation lives in the <see cref="AnonymizationScope"/>.
/// </summary>
public interface IAnonymizationOperator
{
    /// <summary>Stable lower-case name used in configuration and reports, e.g. <c>"mask"</c>.</summary>
    string Name { get; }

    /// <summary>The replacement for <paramref name="value"/>, a value of type <paramref name="entityType"/>.</summary>
    /// <param name="entityType">One of <see cref="EntityTypes"/> (the type of the finding that won the span).</param>
    /// <param name="value">The original characters. Never put into an exception message or a log line.</param>
    /// <param name="scope">The conversation (or patient) the text belongs to.</param>
    string Operate(string entityType, string value, AnonymizationScope scope);
}
