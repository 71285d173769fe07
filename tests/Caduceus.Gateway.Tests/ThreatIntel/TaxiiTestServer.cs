using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.Tests.ThreatIntel;

/// <summary>
/// A minimal TAXII 2.1 server on loopback: discovery (<c>/taxii2/</c>), one API root (<c>/api1/</c>), its
/// collections, and one collection's objects with <c>added_after</c>, <c>next</c> pagination
/// (<see cref="PageSize"/> objects a page), the TAXII media type (406 without it in Accept) and bearer authentication
/// (401 without the token). Object i was "added" at <see cref="FirstAdded"/> plus i seconds.
/// </summary>
internal sealed class TaxiiTestServer : IAsyncDisposable
{
    public const string CollectionId = "91a7b528-80eb-42ed-a74d-c6fbd5a26116";
    public const string MediaType = "application/taxii+json;version=2.1";
    public static readonly DateTimeOffset FirstAdded = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;
    private readonly IReadOnlyList<string> _objects;

    private TaxiiTestServer(WebApplication app, IReadOnlyList<string> objects, string token, int pageSize, string authorization)
    {
        _app = app;
        _objects = objects;
        Token = token;
        PageSize = pageSize;
        Authorization = authorization;
    }

    public string Token { get; }

    /// <summary>The Authorization header every request must carry: <c>Bearer TOKEN</c> unless the test asked for another.</summary>
    public string Authorization { get; }

    public int PageSize { get; }

    public Uri ApiRoot { get; private set; } = null!;

    /// <summary>Path and query of every objects request, with its Accept and Authorization headers.</summary>
    public ConcurrentQueue<(string PathAndQuery, string Accept, string Authorization)> ObjectRequests { get; } = new();

    public static async Task<TaxiiTestServer> StartAsync(IReadOnlyList<string> objects, string token, int pageSize = 2, string? authorization = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new TaxiiTestServer(app, objects, token, pageSize, authorization ?? "Bearer " + token);
        app.MapGet("/taxii2/", (HttpContext context) => server.Envelope(context, new JsonObject
        {
            ["title"] = "Test TAXII server",
            ["default"] = server.ApiRoot.ToString(),
            ["api_roots"] = new JsonArray(server.ApiRoot.ToString()),
        }));
        app.MapGet("/api1/", (HttpContext context) => server.Envelope(context, new JsonObject
        {
            ["title"] = "Test API root",
            ["versions"] = new JsonArray(MediaType),
            ["max_content_length"] = 10485760,
        }));
        app.MapGet("/api1/collections/", (HttpContext context) => server.Envelope(context, new JsonObject
        {
            ["collections"] = new JsonArray(new JsonObject
            {
                ["id"] = CollectionId,
                ["title"] = "Indicators",
                ["can_read"] = true,
                ["can_write"] = false,
                ["media_types"] = new JsonArray("application/stix+json;version=2.1"),
            }),
        }));
        app.MapGet("/api1/collections/{id}/objects/", (HttpContext context, string id) => server.Objects(context, id));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.ApiRoot = new Uri(address + "/api1/");
        return server;
    }

    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Objects(HttpContext context, string id)
    {
        ObjectRequests.Enqueue((context.Request.Path + context.Request.QueryString, context.Request.Headers.Accept.ToString(), context.Request.Headers.Authorization.ToString()));
        if (Refusal(context) is { } refusal)
        {
            return refusal;
        }

        if (id != CollectionId)
        {
            return Problem(404, "Unknown collection");
        }

        var after = context.Request.Query["added_after"].ToString() is { Length: > 0 } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture)
            : DateTimeOffset.MinValue;
        var matching = Enumerable.Range(0, _objects.Count).Where(i => FirstAdded.AddSeconds(i) > after).ToArray();
        var start = int.TryParse(context.Request.Query["next"], CultureInfo.InvariantCulture, out var offset) ? offset : 0;
        var page = matching.Skip(start).Take(PageSize).ToArray();
        var objects = new JsonArray(page.Select(i => JsonNode.Parse(_objects[i])).ToArray());
        var more = start + page.Length < matching.Length;
        var envelope = new JsonObject { ["more"] = more, ["objects"] = objects };
        if (more)
        {
            envelope["next"] = (start + page.Length).ToString(CultureInfo.InvariantCulture);
        }

        if (page.Length > 0)
        {
            context.Response.Headers["X-TAXII-Date-Added-First"] = Timestamp(FirstAdded.AddSeconds(page[0]));
            context.Response.Headers["X-TAXII-Date-Added-Last"] = Timestamp(FirstAdded.AddSeconds(page[^1]));
        }

        return Results.Text(envelope.ToJsonString(), MediaType, statusCode: 200);
    }

    private IResult Envelope(HttpContext context, JsonObject body) =>
        Refusal(context) ?? Results.Text(body.ToJsonString(), MediaType, statusCode: 200);

    private IResult? Refusal(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() != Authorization)
        {
            return Problem(401, "Unauthorized");
        }

        return context.Request.Headers.Accept.ToString().Contains("application/taxii+json", StringComparison.Ordinal) ? null : Problem(406, "Not Acceptable");
    }

    private static IResult Problem(int status, string title) =>
        Results.Text(JsonSerializer.Serialize(new { title, http_status = status.ToString(CultureInfo.InvariantCulture) }), MediaType, statusCode: status);
}
