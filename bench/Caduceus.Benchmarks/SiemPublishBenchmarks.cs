using BenchmarkDotNet.Attributes;
using Caduceus.Events;
using Caduceus.Gateway.Siem.Delivery;
using Microsoft.Extensions.Logging.Abstractions;

namespace Caduceus.Benchmarks;

/// <summary>
/// What a SIEM exporter adds to a request: <see cref="SiemExporter.Publish"/> with the background sender running
/// against a receiver that acknowledges at once. <c>Queued</c> has room in memory (a request's usual case: one
/// bounded-queue write); <c>Overflowing</c> has a queue of one, so nearly every event is appended to the spill file on
/// the caller's thread, the slowest path Publish has (a receiver down under sustained load).
/// </summary>
[MemoryDiagnoser]
public class SiemPublishBenchmarks
{
    private readonly SecurityEvent _event = new(
        SecurityEventIds.New(), DateTimeOffset.UtcNow, SecurityEventTypes.RequestRedacted, "phi_redacted", "default", "key_1", "/v1/chat/completions",
        new Dictionary<string, int> { ["SSN"] = 1 }, ["SsnRecognizer"]);

    private string _spillDirectory = "";
    private SiemExporter _exporter = null!;

    [Params("Queued", "Overflowing")]
    public string Scenario { get; set; } = "Queued";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _spillDirectory = Directory.CreateTempSubdirectory("caduceus-bench-spill-").FullName;
        var options = new SiemDeliveryOptions { QueueCapacity = Scenario == "Queued" ? 1 << 24 : 1 };
        _exporter = new SiemExporter(new AcknowledgingTransport(), options, _spillDirectory, NullLogger<SiemExporter>.Instance);
        await _exporter.StartAsync(CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _exporter.StopAsync(CancellationToken.None);
        _exporter.Dispose();
        Directory.Delete(_spillDirectory, recursive: true);
    }

    [Benchmark]
    public void Publish() => _exporter.Publish(_event);

    private sealed class AcknowledgingTransport : ISiemTransport
    {
        public string Name => "bench";

        public Task<DeliveryResult> SendAsync(IReadOnlyList<SecurityEvent> batch, CancellationToken cancellationToken) => Task.FromResult(DeliveryResult.Acknowledged);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
