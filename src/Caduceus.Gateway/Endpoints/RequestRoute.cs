using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Caduceus.Gateway.Endpoints;

/// <summary>
/// The route a request is recorded under in audit records, security events and metrics: the matched endpoint's
/// pattern (<c>/admin/keys/{id}</c>), never the raw path, which is the caller's text and may carry anything,
/// PHI included. Requests that match no endpoint are <see cref="Unmatched"/>.
/// </summary>
internal static class RequestRoute
{
    public const string Unmatched = "unmatched";

    public static string Of(HttpContext context)
    {
        if ((context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is not { } pattern)
        {
            return Unmatched;
        }

        // A group's root ("/admin/keys" + "/") reads as the group's path.
        var trimmed = pattern.Trim('/');
        return "/" + trimmed;
    }
}
