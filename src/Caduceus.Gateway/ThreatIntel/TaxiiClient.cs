using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>
/// Reads a TAXII 2.1 collection's objects (<c>GET {api_root}/collections/{id}/objects/</c>) with the TAXII media type,
/// the feed's credentials from the environment, and the resilience of the named <see cref="HttpClientName"/> client.
/// </summary>
internal sealed class TaxiiClient(IHttpClientFactory httpClientFactory)
{
    public const string HttpClientName = "taxii";

    public const string MediaType = "application/taxii+json";

    /// <summary>A page larger than this is refused rather than buffered.</summary>
    public const int MaxPageBytes = 16 * 1024 * 1024;

    public async Task<TaxiiPage> GetObjectsAsync(TaxiiFeedOptions feed, string? addedAfter, string? next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        using var request = new HttpRequestMessage(HttpMethod.Get, ObjectsUri(feed, addedAfter, next));
        request.Headers.Accept.ParseAdd(MediaType + ";version=2.1");
        request.Headers.Authorization = Credentials(feed);
        var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            throw new TaxiiFeedException($"the TAXII server answered HTTP {(int)response.StatusCode}");
        }

        if (response.Content.Headers.ContentType?.MediaType is not MediaType)
        {
            throw new TaxiiFeedException($"the TAXII server answered '{response.Content.Headers.ContentType?.MediaType ?? "no content type"}', not {MediaType}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, new JsonDocumentOptions { MaxDepth = 64 }, cancellationToken);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new TaxiiFeedException("the TAXII envelope is not a JSON object");
        }

        var objects = root.TryGetProperty("objects", out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(o => o.Clone()).ToArray()
            : [];
        var more = root.TryGetProperty("more", out var moreValue) && moreValue.ValueKind == JsonValueKind.True;
        var nextToken = root.TryGetProperty("next", out var nextValue) && nextValue.ValueKind == JsonValueKind.String ? nextValue.GetString() : null;
        var dateAddedLast = response.Headers.TryGetValues("X-TAXII-Date-Added-Last", out var values) ? values.FirstOrDefault() : null;
        return new TaxiiPage(objects, more, nextToken, dateAddedLast);
    }

    private static Uri ObjectsUri(TaxiiFeedOptions feed, string? addedAfter, string? next)
    {
        var apiRoot = feed.ApiRoot.EndsWith('/') ? feed.ApiRoot : feed.ApiRoot + "/";
        var uri = new StringBuilder(apiRoot).Append("collections/").Append(Uri.EscapeDataString(feed.CollectionId)).Append("/objects/");
        var separator = '?';
        foreach (var (name, value) in new[] { ("added_after", addedAfter), ("next", next) })
        {
            if (value is not null)
            {
                uri.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        return new Uri(uri.ToString(), UriKind.Absolute);
    }

    private static AuthenticationHeaderValue? Credentials(TaxiiFeedOptions feed)
    {
        if (feed.BearerTokenEnvironmentVariable is { } tokenVariable)
        {
            return new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable(tokenVariable));
        }

        if (feed.Username is { } user && feed.PasswordEnvironmentVariable is { } passwordVariable)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + Environment.GetEnvironmentVariable(passwordVariable)));
            return new AuthenticationHeaderValue("Basic", basic);
        }

        return null;
    }
}
