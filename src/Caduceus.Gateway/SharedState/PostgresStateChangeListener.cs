using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Listens on the shared database's change channel (triggers on the shared tables call <c>pg_notify</c> when a row
/// changes, whoever changed it) and drops the caches of the table named. The caches' own short lifetimes stay the
/// fallback: while the listener is disconnected a change still applies within their lifetime, and after reconnecting
/// every cache is dropped, since notifications sent meanwhile are lost.
/// </summary>
internal sealed partial class PostgresStateChangeListener(
    PostgresStateDatabase database, IEnumerable<ISharedStateCache> caches, TimeProvider timeProvider, ILogger<PostgresStateChangeListener> logger) : BackgroundService
{
    /// <summary>The channel the triggers of <see cref="PostgresStateSchema"/> notify, with the table name as payload.</summary>
    public const string Channel = "caduceus_state";

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly ILookup<string, ISharedStateCache> _byTable = caches.ToLookup(cache => cache.Table, StringComparer.Ordinal);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (tests wait for it before changing a table).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException or InvalidOperationException)
            {
                LogDisconnected(logger, delay.TotalSeconds, exception.GetType().Name);
                await Task.Delay(delay, timeProvider, stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await database.OpenAsync(stoppingToken).ConfigureAwait(false);
        connection.Notification += (_, notification) => InvalidateTable(notification.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
        }

        // Whatever changed while no one listened: read it all again.
        foreach (var cache in _byTable.SelectMany(group => group))
        {
            cache.Invalidate();
        }

        _listening.TrySetResult();
        while (true)
        {
            await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private void InvalidateTable(string table)
    {
        foreach (var cache in _byTable[table])
        {
            cache.Invalidate();
        }
    }

    [LoggerMessage(EventId = 4310, Level = LogLevel.Warning, Message = "Lost the shared state change channel ({ExceptionType}); reconnecting in {DelaySeconds} s, changes by other instances apply within the cache lifetime meanwhile.")]
    private static partial void LogDisconnected(ILogger logger, double delaySeconds, string exceptionType);
}
