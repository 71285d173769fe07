namespace Caduceus.Gateway.Streaming;

/// <summary>
/// <c>StreamInspection</c>: how streamed answer text is batched for inspection. Every detector runs once per
/// batch rather than once per delta, which is most of a stream's CPU cost; nothing is sent to the client before
/// it has been inspected, so a batch waits at most <see cref="BatchDelay"/> (the first-token latency it adds).
/// </summary>
public sealed class StreamInspectionOptions
{
    public const string SectionName = "StreamInspection";

    /// <summary>Inspect as soon as this many characters have arrived since the last inspection; 0 inspects every delta.</summary>
    public int BatchCharacters { get; set; } = 100;

    /// <summary>Inspect at the latest this long after the oldest uninspected character arrived, even if the model pauses.</summary>
    public TimeSpan BatchDelay { get; set; } = TimeSpan.FromMilliseconds(150);
}
