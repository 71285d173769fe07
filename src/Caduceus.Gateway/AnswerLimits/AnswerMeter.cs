using Caduceus.Policy;

namespace Caduceus.Gateway.AnswerLimits;

/// <summary>
/// Counts one answer's text as it arrives and says when it broke a limit: too long, or (streamed) too slow since its
/// first text. A model that stops sending altogether is the stream idle timeout's business, not this meter's.
/// </summary>
internal sealed class AnswerMeter(AnswerLimitsOptions options, TimeProvider timeProvider)
{
    private long _characters;
    private long? _firstTextAt;

    /// <summary>Adds <paramref name="characters"/> of answer text; returns the refusal code of the limit broken, if any.</summary>
    public string? Add(long characters, bool streaming)
    {
        _characters += characters;
        if (options.MaxTokens > 0 && _characters > options.MaxCharacters)
        {
            return RefusalCodes.AnswerTooLong;
        }

        if (!streaming || options.MinStreamCharactersPerSecond == 0 || _characters == 0)
        {
            return null;
        }

        _firstTextAt ??= timeProvider.GetTimestamp();
        var elapsed = timeProvider.GetElapsedTime(_firstTextAt.Value);
        return elapsed > options.StreamRateGrace && _characters / elapsed.TotalSeconds < options.MinStreamCharactersPerSecond
            ? RefusalCodes.StreamTooSlow
            : null;
    }
}
