using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.Tests.Streaming;

/// <summary>
/// A model on loopback that streams the role chunk and a first delta, then pauses until the test calls
/// <see cref="Resume"/>, then streams a second delta, the finish chunk and <c>[DONE]</c>: the test, not a sleep,
/// decides how long the model pauses.
/// </summary>
internal sealed class PausingStreamUpstream(string first, string second) : IAsyncDisposable
{
    private readonly TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;

    /// <summary>When the first delta was flushed to the gateway.</summary>
    public Stopwatch? SinceFirstDelta { get; private set; }

    public string BaseUrl { get; private set; } = "";

    public static async Task<PausingStreamUpstream> StartAsync(string first, string second)
    {
        var upstream = new PausingStreamUpstream(first, second);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", upstream.StreamAsync);
        await app.StartAsync();
        upstream._app = app;
        upstream.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1";
        return upstream;
    }

    public void Resume() => _resume.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Resume();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task StreamAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        await WriteAsync(context, """{"role":"assistant","content":""}""", null);
        await WriteAsync(context, $$"""{"content":"{{first}}"}""", null);
        SinceFirstDelta = Stopwatch.StartNew();
        await _resume.Task.WaitAsync(context.RequestAborted);
        await WriteAsync(context, $$"""{"content":"{{second}}"}""", null);
        await WriteAsync(context, "{}", "\"stop\"");
        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    private static async Task WriteAsync(HttpContext context, string delta, string? finishReason)
    {
        var chunk = $$"""{"id":"chatcmpl-pause","object":"chat.completion.chunk","created":1,"model":"test-model","choices":[{"index":0,"delta":{{delta}},"finish_reason":{{finishReason ?? "null"}}}]}""";
        await context.Response.WriteAsync("data: " + chunk + "\n\n", Encoding.UTF8, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
