using Microsoft.Extensions.Hosting;

namespace Caduceus.TestModel.Hosting;

/// <summary>
/// Replaces the console lifetime so the server never hooks Ctrl+C or SIGTERM itself: it runs inside another
/// process (the CLI, a test run, the gateway's <c>serve</c>), which owns those signals and stops the server
/// through <see cref="RunningTestModel.WaitForShutdownAsync"/>'s token or <see cref="RunningTestModel.DisposeAsync"/>.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
