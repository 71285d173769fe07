using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Caduceus.TestModel;

/// <summary>A started stand-in model server. Dispose it to stop the server.</summary>
public sealed class RunningTestModel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    internal RunningTestModel(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        ApiBaseAddress = new Uri(baseAddress, "v1/");
    }

    /// <summary>The address actually bound (a port-0 request resolved), e.g. <c>http://127.0.0.1:43123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary><see cref="BaseAddress"/> plus <c>v1/</c>: the endpoint to give an OpenAI client.</summary>
    public Uri ApiBaseAddress { get; }

    /// <summary>
    /// Completes when the server shuts down. Cancelling <paramref name="cancellationToken"/> (for example on Ctrl+C)
    /// stops the server and then completes.
    /// </summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server (ending stalled requests) and releases it. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
