namespace Caduceus.Gateway.Configuration;

/// <summary>How the gateway guards its client keys against guessing (configuration section <c>ApiKeys</c>).</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Failed key authentications one source address may make per <see cref="FailureWindow"/>; beyond, it gets 429.</summary>
    public int MaxFailuresPerAddress { get; set; } = 10;

    /// <summary>The window failures are counted in; a throttled address is refused until its window ends.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(1);
}
