namespace Caduceus.Gateway.ThreatIntel;

/// <summary>
/// One TAXII 2.1 collection to pull indicators from. Credentials come from the environment, never from a file:
/// a bearer token (<see cref="BearerTokenEnvironmentVariable"/>) or basic authentication (<see cref="Username"/>
/// with <see cref="PasswordEnvironmentVariable"/>).
/// </summary>
public sealed class TaxiiFeedOptions
{
    public string Name { get; set; } = "";

    /// <summary>The API root URL, e.g. <c>https://taxii.example.org/api1/</c>.</summary>
    public string ApiRoot { get; set; } = "";

    public string CollectionId { get; set; } = "";

    public string? BearerTokenEnvironmentVariable { get; set; }

    public string? Username { get; set; }

    public string? PasswordEnvironmentVariable { get; set; }

    /// <summary>Between polls; the first poll runs at start-up.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromHours(1);
}
