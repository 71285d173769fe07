using System.Threading.Channels;
using Caduceus.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.Siem.Delivery;

/// <summary>
/// Lossless delivery of security events to one SIEM receiver. <see cref="Publish"/> only queues (bounded, in memory;
/// when full, straight to the spill file), so a request never waits for the network. A background loop sends batches;
/// when a send fails the batch and everything queued behind it go to the spill file, and the loop replays the file in
/// order with exponential backoff and jitter until the receiver acknowledges, then deletes it. Events still in memory
/// at shutdown are spilled and sent after the next start.
/// </summary>
internal sealed partial class SiemExporter : BackgroundService, ISecurityEventSink
{
    private readonly ISiemTransport _transport;
    private readonly SiemDeliveryOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<SecurityEvent> _queue;
    private readonly SpillFile _spill;
    private readonly DeliveryBackoff _backoff;
    private readonly GatewayMetrics? _metrics;
    private volatile bool _stopped;
    private long _acknowledged;
    private long _rejected;

    public SiemExporter(ISiemTransport transport, SiemDeliveryOptions options, string spillDirectory, ILogger<SiemExporter> logger, GatewayMetrics? metrics = null)
    {
        _metrics = metrics;
        _transport = transport;
        _options = options;
        _logger = logger;
        _queue = Channel.CreateBounded<SecurityEvent>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _spill = new SpillFile(Path.Combine(spillDirectory, transport.Name + ".jsonl"), options.MaxSpillBytes);
        _backoff = new DeliveryBackoff(options.RetryBaseDelay, options.RetryMaxDelay);
    }

    public string Name => _transport.Name;

    /// <summary>Events the receiver acknowledged.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Events the receiver refused for good (counted and logged, never resent).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Events lost because the spill file was full.</summary>
    public long Dropped => _spill.Dropped;

    public string SpillPath => _spill.Path;

    public void Publish(SecurityEvent securityEvent)
    {
        if (_stopped || !_queue.Writer.TryWrite(securityEvent))
        {
            SpillOrCount([securityEvent]);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await _transport.DisposeAsync();
    }

    public override void Dispose()
    {
        base.Dispose();
        _spill.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (_spill.HasPending)
                {
                    try
                    {
                        await ReplaySpillAsync(stoppingToken);
                    }
                    catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                    {
                        // The disk, not the receiver, failed: keep the process up and try again after a pause.
                        LogSpillUnreadable(_logger, Name, exception.GetType().Name);
                        await Task.Delay(_backoff.Next(), stoppingToken);
                    }

                    continue;
                }

                await _queue.Reader.WaitToReadAsync(stoppingToken);
                if (_options.Linger > TimeSpan.Zero && _queue.Reader.Count < _options.BatchSize)
                {
                    // Light traffic: let a batch gather rather than wake up and send for every event. Shutdown cancels
                    // the wait, and whatever is queued then goes to the spill file below.
                    await Task.Delay(_options.Linger, stoppingToken);
                }

                var batch = DrainQueue(_options.BatchSize);
                if (batch.Count > 0 && !await SendAsync(batch, stoppingToken))
                {
                    SpillOrCount(batch);
                    await WaitWhileSpillingAsync(_backoff.Next(), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Completing the queue first means a racing Publish either lands in it before the drain or spills itself.
            _stopped = true;
            _queue.Writer.TryComplete();
            SpillOrCount(DrainQueue(int.MaxValue));
        }
    }

    private async Task ReplaySpillAsync(CancellationToken stoppingToken)
    {
        // Whatever is queued belongs behind the spilled events, so it joins the file first.
        SpillOrCount(DrainQueue(int.MaxValue));
        var batch = _spill.Read(_options.BatchSize);
        if (batch.Unreadable > 0)
        {
            LogUnreadableSpillLines(_logger, Name, batch.Unreadable);
        }

        if (batch.Events.Count == 0 || await SendAsync(batch.Events, stoppingToken))
        {
            _spill.Acknowledge(batch.EndOffset);
            return;
        }

        await WaitWhileSpillingAsync(_backoff.Next(), stoppingToken);
    }

    private async Task<bool> SendAsync(IReadOnlyList<SecurityEvent> batch, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(_options.SendTimeout);
        DeliveryResult result;
        try
        {
            result = await _transport.SendAsync(batch, timeout.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogSendFailed(_logger, Name, batch.Count, exception.GetType().Name);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        if (result.Outcome == DeliveryOutcome.RetryLater)
        {
            LogSendFailed(_logger, Name, batch.Count, "receiver asked to retry");
            return false;
        }

        _backoff.Reset();
        var rejected = result.Outcome == DeliveryOutcome.Rejected ? batch.Count : result.RejectedEvents;
        Interlocked.Add(ref _acknowledged, batch.Count - rejected);
        _metrics?.RecordExport(Name, "acknowledged", batch.Count - rejected);
        if (rejected > 0)
        {
            Interlocked.Add(ref _rejected, rejected);
            _metrics?.RecordExport(Name, "rejected", rejected);
            LogRejected(_logger, Name, rejected);
        }

        return true;
    }

    // Backing off must not let the memory queue fill up: what arrives meanwhile goes to the spill file.
    private async Task WaitWhileSpillingAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        var until = DateTime.UtcNow + delay;
        while (true)
        {
            var remaining = until - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(remaining);
            try
            {
                await _queue.Reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                return;
            }

            SpillOrCount(DrainQueue(int.MaxValue));
        }
    }

    private List<SecurityEvent> DrainQueue(int max)
    {
        var batch = new List<SecurityEvent>();
        while (batch.Count < max && _queue.Reader.TryRead(out var securityEvent))
        {
            batch.Add(securityEvent);
        }

        return batch;
    }

    private void SpillOrCount(List<SecurityEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        if (_spill.Append(events))
        {
            _metrics?.RecordExport(Name, "spilled", events.Count);
            return;
        }

        _metrics?.RecordExport(Name, "dropped", events.Count);
        LogSpillFull(_logger, Name, events.Count);
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "SIEM exporter {Exporter}: sending {Count} events failed ({Reason}); they wait in the spill file")]
    private static partial void LogSendFailed(ILogger logger, string exporter, int count, string reason);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "SIEM exporter {Exporter}: the receiver refused {Count} events for good; check its URL, token and index")]
    private static partial void LogRejected(ILogger logger, string exporter, int count);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Error, Message = "SIEM exporter {Exporter}: spill file full or not writable, {Count} events dropped")]
    private static partial void LogSpillFull(ILogger logger, string exporter, int count);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Error, Message = "SIEM exporter {Exporter}: the spill file could not be read ({Reason})")]
    private static partial void LogSpillUnreadable(ILogger logger, string exporter, string reason);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "SIEM exporter {Exporter}: skipped {Count} unreadable lines in the spill file")]
    private static partial void LogUnreadableSpillLines(ILogger logger, string exporter, int count);
}
