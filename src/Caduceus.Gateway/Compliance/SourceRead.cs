namespace Caduceus.Gateway.Compliance;

/// <summary>What one evidence source gave: its value, or why it could not be read (then every control that needs it is a gap).</summary>
internal sealed record SourceRead<T>(T? Value, string? Problem)
    where T : class
{
    public static SourceRead<T> Ok(T value) => new(value, null);

    public static SourceRead<T> Unreadable(string problem) => new(null, problem);
}
