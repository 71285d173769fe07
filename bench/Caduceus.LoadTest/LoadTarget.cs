namespace Caduceus.LoadTest;

/// <summary>Where requests go: one or several chat URLs, which the client takes in turn (client-side round robin).</summary>
/// <param name="Name">"direct" (test model alone) or "gateway" (gateway instances in front of the test model).</param>
/// <param name="ChatUrls">The chat completions URL of each instance.</param>
/// <param name="ApiKey">Sent as a bearer token when not null (the gateway only).</param>
internal sealed record LoadTarget(string Name, IReadOnlyList<Uri> ChatUrls, string? ApiKey)
{
    public bool ThroughGateway => ApiKey is not null;
}
