using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.WebConsole.Hosting;

/// <summary>
/// The console's own stylesheet and script, embedded in the gateway assembly and served from <c>/console/assets</c>
/// (the CSP allows scripts and styles from the gateway only; no CDN, no Node build).
/// </summary>
internal static class ConsoleAssets
{
    private static readonly FrozenDictionary<string, (byte[] Content, string ContentType)> Files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal)
    {
        ["console.css"] = (Load("console.css"), "text/css; charset=utf-8"),
        ["console.js"] = (Load("console.js"), "text/javascript; charset=utf-8"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IResult Serve(string name, HttpContext context)
    {
        if (!Files.TryGetValue(name, out var file))
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Bytes(file.Content, file.ContentType);
    }

    private static byte[] Load(string name)
    {
        using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream("Caduceus.Gateway.WebConsole.Assets." + name)
            ?? throw new InvalidOperationException($"The console asset {name} is missing from the gateway assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
