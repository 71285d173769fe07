namespace Caduceus.LoadTest;

/// <summary>Where requests go, and the server processes whose CPU time the scenario accounts for.</summary>
/// <param name="Name">"direct" (test model alone) or "gateway" (gateway in front of the test model).</param>
/// <param name="ChatUrl">The chat completions URL.</param>
/// <param name="ApiKey">Sent as a bearer token when not null.</param>
internal sealed record LoadTarget(string Name, Uri ChatUrl, string? ApiKey);
