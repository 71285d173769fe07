using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Models;

/// <summary>
/// Verifies the model files before any hosted service starts (the <c>Starting</c> phase), and stops the start with a
/// one-line <see cref="ModelIntegrityException"/> on any problem: a changed model is never served.
/// </summary>
internal sealed partial class ModelIntegrityStartup(IOptions<GatewayOptions> options, ILogger<ModelIntegrityStartup> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        ModelIntegrityReport report;
        try
        {
            report = ModelIntegrityCheck.Run(options.Value.Models);
        }
        catch (InvalidDataException exception)
        {
            throw new ModelIntegrityException("model integrity: " + exception.Message);
        }

        if (!report.IsOk)
        {
            throw new ModelIntegrityException(report.Summary());
        }

        LogVerified(logger, report.Files.Count, report.Mode);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1220, Level = LogLevel.Information, Message = "Model integrity verified: {Count} files ({Mode})")]
    private static partial void LogVerified(ILogger logger, int count, string mode);
}
