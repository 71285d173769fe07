namespace Caduceus.RedTeam.Running;

/// <summary>An OpenAI-compatible endpoint to drill: the gateway, or a model directly.</summary>
/// <param name="BaseAddress">The API base, e.g. <c>http://127.0.0.1:8080/v1/</c>; a bare host gets <c>v1/</c>.</param>
/// <param name="ApiKey">Sent as a bearer token when set.</param>
/// <param name="Model">The model name to request.</param>
public sealed record DrillTarget(Uri BaseAddress, string? ApiKey, string Model)
{
    public const string DefaultModel = "caduceus-test-model";

    /// <summary>Parses a target URL; false with a one-line reason when it is not an absolute http(s) URL.</summary>
    public static bool TryCreate(string url, string? apiKey, string? model, out DrillTarget? target, out string? error)
    {
        target = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            error = $"'{url}' is not an http(s) URL like http://127.0.0.1:8080/v1";
            return false;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        var builder = new UriBuilder(uri) { Path = (path.Length == 0 ? "/v1" : path) + "/", Query = "", Fragment = "" };
        target = new DrillTarget(builder.Uri, string.IsNullOrEmpty(apiKey) ? null : apiKey, string.IsNullOrWhiteSpace(model) ? DefaultModel : model);
        error = null;
        return true;
    }
}
