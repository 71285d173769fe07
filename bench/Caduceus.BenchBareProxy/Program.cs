using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

// A reference target for the load test (--baseline bare-proxy): Kestrel and one HttpClient that copy the chat request
// to the model and its answer back, nothing else. What it costs is the price of the extra HTTP hop alone.
// Usage: caduceus-bench-bare-proxy --urls http://127.0.0.1:PORT --upstream http://127.0.0.1:MODELPORT/v1
var upstream = args.SkipWhile(a => a != "--upstream").Skip(1).FirstOrDefault();
if (upstream is null || !Uri.TryCreate(upstream.TrimEnd('/') + "/chat/completions", UriKind.Absolute, out var chatUrl))
{
    Console.Error.WriteLine("usage: caduceus-bench-bare-proxy --urls URL --upstream http://HOST:PORT/v1");
    return 2;
}

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };

app.MapGet("/healthz", () => "ok");
app.MapPost("/v1/chat/completions", async context =>
{
    using var request = new HttpRequestMessage(HttpMethod.Post, chatUrl) { Content = new StreamContent(context.Request.Body) };
    request.Content.Headers.ContentLength = context.Request.ContentLength;
    if (context.Request.ContentType is { } contentType)
    {
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
    }

    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
    context.Response.StatusCode = (int)response.StatusCode;
    context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
    await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);

    // Response body writes are flushed as they go, so streamed events pass through as they arrive.
    await body.CopyToAsync(context.Response.Body, context.RequestAborted);
});

await app.RunAsync();
return 0;
