using System.Security.Cryptography;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.WebConsole.AuditView;

/// <summary>
/// The audit chain's verification state for the console. A full verification reads every record (seconds on a long
/// trail), so it runs in the background at most every <see cref="Interval"/> and pages show the last result with
/// its time; a page never waits for it.
/// </summary>
internal sealed partial class ConsoleChainStatus(IAuditReader reader, IOptions<GatewayOptions> options, TimeProvider timeProvider, ILogger<ConsoleChainStatus> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private Task? _running;

    /// <summary>The last finished verification and when it finished; null until the first one has.</summary>
    public (AuditVerification Result, DateTimeOffset At)? Last { get; private set; }

    /// <summary>True while a verification is running.</summary>
    public bool Running => _running is { IsCompleted: false };

    /// <summary>Starts a verification unless one is running or the last is recent; returns at once.</summary>
    public void RefreshIfStale()
    {
        lock (_gate)
        {
            if (Running || (Last is { } last && timeProvider.GetUtcNow() - last.At < Interval))
            {
                return;
            }

            _running = Task.Run(VerifyAsync);
        }
    }

    /// <summary>Waits for the running verification, if any (tests, and a page that asks to verify now).</summary>
    public Task WhenIdleAsync() => _running ?? Task.CompletedTask;

    private async Task VerifyAsync()
    {
        try
        {
            var gateway = options.Value;
            using var key = AuditKeyFiles.ReadSigningKey(AuditKeyFiles.SigningKeyPath(gateway.Audit, Path.GetFullPath(gateway.DataDirectory)));
            var result = await AuditVerifier.VerifyAsync(reader, key, CancellationToken.None);
            Last = (result, timeProvider.GetUtcNow());
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or CryptographicException or System.Data.Common.DbException)
        {
            LogVerificationFailed(logger, exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The console could not verify the audit chain ({ErrorType}).")]
    private static partial void LogVerificationFailed(ILogger logger, string errorType);
}
