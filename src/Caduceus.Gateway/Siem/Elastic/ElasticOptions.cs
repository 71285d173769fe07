namespace Caduceus.Gateway.Siem.Elastic;

/// <summary>Security events to Elasticsearch as Elastic Common Schema documents through the bulk API (<c>Siem:Elastic</c>); off until Url is set.</summary>
public sealed class ElasticOptions
{
    /// <summary>The cluster's base address, e.g. <c>https://elastic.example.org:9200</c>.</summary>
    public string? Url { get; set; }

    /// <summary>Index or data stream written to (documents are <c>create</c>d, which data streams require).</summary>
    public string Index { get; set; } = "logs-caduceus.security-default";

    /// <summary>Encoded API key (sent as <c>Authorization: ApiKey KEY</c>); set it through <c>CADUCEUS_Siem__Elastic__ApiKey</c>.</summary>
    public string? ApiKey { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Url);
}
