namespace Caduceus.Gateway.WebConsole.Applications;

/// <summary>One application as the applications page shows it: its effective policy and whether the console overrides it.</summary>
public sealed record ApplicationPolicyView(string Name, string? Upstream, string PolicyText, string PolicyHash, string? OverriddenBy, DateTimeOffset? OverriddenAt);
