using System.Diagnostics;
using Caduceus.Gateway.Siem.Delivery;
using Caduceus.Gateway.Siem.Splunk;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.Siem.Splunk;
using Microsoft.Extensions.Logging.Abstractions;

namespace Caduceus.Gateway.Tests.Siem.Delivery;

public sealed class SiemExporterTests : IDisposable
{
    private readonly string _spillDirectory = Directory.CreateTempSubdirectory("caduceus-spill-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_event_published_under_load_arrives_although_the_receiver_was_down_for_a_while()
    {
        await using var receiver = await LoopbackHttpReceiver.StartAsync();
        var exporter = Exporter(receiver);
        await exporter.StartAsync(Cancel);

        await PublishFromThreadsAsync(exporter, from: 0, count: 1000);
        await receiver.StopAsync();
        await PublishFromThreadsAsync(exporter, from: 1000, count: 2000);
        await LoopbackHttpReceiver.WaitUntilAsync(() => File.Exists(exporter.SpillPath), TimeSpan.FromSeconds(5), "events spilled to disk");
        await Task.Delay(500, Cancel);
        await receiver.RestartAsync();
        await PublishFromThreadsAsync(exporter, from: 3000, count: 1000);

        var expected = Enumerable.Range(0, 4000).Select(i => SiemTestEvents.Made(i).Id).ToHashSet();
        await LoopbackHttpReceiver.WaitUntilAsync(() => expected.IsSubsetOf(SplunkExportTests.EventIds(receiver)), TimeSpan.FromSeconds(20), "every event arrived");
        await LoopbackHttpReceiver.WaitUntilAsync(() => !File.Exists(exporter.SpillPath), TimeSpan.FromSeconds(5), "the spill file was deleted");
        await exporter.StopAsync(Cancel);

        var received = SplunkExportTests.EventIds(receiver).ToList();
        Assert.Equal(expected, received.ToHashSet());
        Assert.Equal(0, exporter.Rejected);
        Assert.Equal(0, exporter.Dropped);
    }

    [Fact]
    public async Task Events_spilled_before_a_restart_are_sent_after_the_next_start_and_the_file_then_goes()
    {
        await using var receiver = await LoopbackHttpReceiver.StartAsync();
        receiver.FailWith = 503;
        var before = Exporter(receiver);
        await before.StartAsync(Cancel);
        for (var i = 0; i < 50; i++)
        {
            before.Publish(SiemTestEvents.Made(i));
        }

        await LoopbackHttpReceiver.WaitUntilAsync(() => !receiver.Requests.IsEmpty, TimeSpan.FromSeconds(5), "a first refused attempt");
        await before.StopAsync(Cancel);
        before.Dispose();
        Assert.Equal(50, File.ReadAllLines(before.SpillPath).Length);

        receiver.FailWith = null;
        var after = Exporter(receiver);
        await after.StartAsync(Cancel);
        var expected = Enumerable.Range(0, 50).Select(i => SiemTestEvents.Made(i).Id).ToHashSet();
        await LoopbackHttpReceiver.WaitUntilAsync(() => expected.IsSubsetOf(SplunkExportTests.EventIds(receiver)), TimeSpan.FromSeconds(10), "the spilled events arrived");
        await LoopbackHttpReceiver.WaitUntilAsync(() => !File.Exists(after.SpillPath), TimeSpan.FromSeconds(5), "the spill file was deleted");
        await after.StopAsync(Cancel);
        after.Dispose();
    }

    [Fact]
    public async Task Publishing_costs_microseconds_and_never_waits_for_a_down_receiver()
    {
        await using var receiver = await LoopbackHttpReceiver.StartAsync();
        await receiver.StopAsync();
        var exporter = Exporter(receiver);
        await exporter.StartAsync(Cancel);
        var events = Enumerable.Range(0, 20_000).Select(SiemTestEvents.Made).ToArray();

        var stopwatch = Stopwatch.StartNew();
        foreach (var securityEvent in events)
        {
            exporter.Publish(securityEvent);
        }

        stopwatch.Stop();
        await exporter.StopAsync(Cancel);
        exporter.Dispose();

        // Most events overflow the 256-event queue straight to disk here, the slowest path Publish has.
        var perEvent = stopwatch.Elapsed.TotalMilliseconds / events.Length;
        TestContext.Current.TestOutputHelper?.WriteLine($"Publish: {perEvent * 1000:0.0} µs per event (receiver down, queue overflowing to disk)");
        Assert.True(perEvent < 1, $"Publish took {perEvent:0.000} ms per event");
        Assert.Equal(events.Length, File.ReadAllLines(exporter.SpillPath).Length);
    }

    public void Dispose() => Directory.Delete(_spillDirectory, recursive: true);

    private SiemExporter Exporter(LoopbackHttpReceiver receiver) => new(
        new SplunkTransport(new SplunkOptions { Url = receiver.BaseAddress.ToString(), Token = "t" }),
        SplunkExportTests.FastRetries(),
        _spillDirectory,
        NullLogger<SiemExporter>.Instance);

    private static async Task PublishFromThreadsAsync(SiemExporter exporter, int from, int count)
    {
        const int Threads = 4;
        var perThread = count / Threads;
        await Task.WhenAll(Enumerable.Range(0, Threads).Select(thread => Task.Run(
            async () =>
            {
                for (var i = 0; i < perThread; i++)
                {
                    exporter.Publish(SiemTestEvents.Made(from + (thread * perThread) + i));
                    if (i % 50 == 49)
                    {
                        await Task.Yield();
                    }
                }
            },
            Cancel)));
    }
}
