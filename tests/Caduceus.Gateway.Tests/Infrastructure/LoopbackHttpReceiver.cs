using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on loopback standing in for a SIEM receiver (Splunk HEC, Elasticsearch, Azure Monitor). It keeps
/// every request, answers through <c>respond</c> (default 200 <c>{}</c>), can answer an error while
/// <see cref="FailWith"/> is set, and can go away (connections refused) and come back on the same port.
/// </summary>
internal sealed class LoopbackHttpReceiver : IAsyncDisposable
{
    private readonly Func<ReceivedRequest, (int Status, string Body)> _respond;
    private WebApplication? _app;

    private LoopbackHttpReceiver(Func<ReceivedRequest, (int Status, string Body)> respond) => _respond = respond;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public int Port { get; private set; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>While set, every request is answered with this status.</summary>
    public int? FailWith { get; set; }

    /// <summary>Requests answered with a 2xx status: what the receiver accepted.</summary>
    public IEnumerable<ReceivedRequest> Accepted => Requests.Where(r => r.Status is >= 200 and < 300);

    public static async Task<LoopbackHttpReceiver> StartAsync(Func<ReceivedRequest, (int Status, string Body)>? respond = null)
    {
        var receiver = new LoopbackHttpReceiver(respond ?? (_ => (200, "{}")));
        await receiver.RestartAsync();
        return receiver;
    }

    /// <summary>Stops listening: new connections are refused until <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public async Task RestartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
        Port = new Uri(app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        _app = app;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling briefly; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting until " + what);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var raw = new MemoryStream();
        await context.Request.Body.CopyToAsync(raw, context.RequestAborted);
        var body = raw.ToArray();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new ReceivedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body, 0);
        var (status, answer) = FailWith is { } failure ? (failure, "{}") : _respond(request);
        Requests.Enqueue(request with { Status = status });
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer, context.RequestAborted);
    }
}
