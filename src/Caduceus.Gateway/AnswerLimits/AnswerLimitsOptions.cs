namespace Caduceus.Gateway.AnswerLimits;

/// <summary>
/// <c>AnswerLimits</c>: how much and how slowly a model may answer through the gateway (OWASP LLM10, unbounded
/// consumption). One setting for every application; a limit of 0 turns that check off.
/// </summary>
public sealed class AnswerLimitsOptions
{
    public const string SectionName = "AnswerLimits";

    /// <summary>Characters per token in the gateway's estimate (the usual figure for English text).</summary>
    public const int CharactersPerToken = 4;

    /// <summary>
    /// Longest answer, in estimated tokens, whatever the request asked for (what a request may ask for is
    /// <c>Limits:MaxTokensPerRequest</c>). The default is the largest output of common hosted chat models (16,384 tokens).
    /// </summary>
    public int MaxTokens { get; set; } = 16_384;

    /// <summary>
    /// Slowest acceptable stream, in answer characters per second averaged since the first answer text: about five
    /// tokens a second, slower than hosted models stream. Lower it (or set 0) for a slow self-hosted model.
    /// </summary>
    public int MinStreamCharactersPerSecond { get; set; } = 20;

    /// <summary>How long after the first answer text the stream rate is first checked.</summary>
    public TimeSpan StreamRateGrace { get; set; } = TimeSpan.FromSeconds(2);

    public long MaxCharacters => (long)MaxTokens * CharactersPerToken;
}
