using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Caduceus.Events;
using Caduceus.Gateway.Siem;
using Caduceus.Gateway.Siem.Delivery;
using Microsoft.Extensions.Logging.Abstractions;

namespace Caduceus.Benchmarks;

/// <summary>
/// <c>siem-probe [udp|tcp|none] [events] [per-second]</c>: CPU time a SIEM exporter spends per event when events
/// arrive at a request-like pace (the load harness's concurrency-1 rate), measured as process CPU over the run.
/// </summary>
internal static class SiemCpuProbe
{
    public static async Task RunAsync(string[] args)
    {
        var mode = args.Length > 1 ? args[1] : "udp";
        var count = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1000;
        var perSecond = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 100;
        using var sink = new TcpListener(IPAddress.Loopback, 0);
        sink.Start();
        var port = ((IPEndPoint)sink.LocalEndpoint).Port;
        _ = Task.Run(async () =>
        {
            using var client = await sink.AcceptTcpClientAsync();
            var buffer = new byte[65536];
            var stream = client.GetStream();
            while (await stream.ReadAsync(buffer) > 0)
            {
            }
        });
        var spill = Directory.CreateTempSubdirectory("caduceus-siem-probe-").FullName;
        ISiemTransport? transport = mode switch
        {
            "udp" => new SyslogTransport(new SyslogOptions { Host = "127.0.0.1", Port = port, Protocol = SyslogProtocol.Udp }),
            "tcp" => new SyslogTransport(new SyslogOptions { Host = "127.0.0.1", Port = port, Protocol = SyslogProtocol.Tcp }),
            "noop" => new NoopTransport(),
            _ => null,
        };
        using var exporter = transport is null ? null : new SiemExporter(transport, new SiemDeliveryOptions(), spill, NullLogger<SiemExporter>.Instance);
        if (exporter is not null)
        {
            await exporter.StartAsync(CancellationToken.None);
        }

        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            exporter?.Publish(new SecurityEvent(
                SecurityEventIds.New(), DateTimeOffset.UtcNow, SecurityEventTypes.RequestRedacted, null, "default", "key_1", "/v1/chat/completions",
                new Dictionary<string, int> { ["SSN"] = 1, ["PHONE"] = 1 }, ["SsnRecognizer"]));
            await Task.Delay(interval);
        }

        await Task.Delay(500);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        Console.WriteLine($"{mode}: {count} events in {wall.Elapsed.TotalSeconds:0.0} s, process CPU {cpu.TotalMilliseconds:0} ms, {cpu.TotalMilliseconds / count:0.000} ms per event");
        if (exporter is not null)
        {
            await exporter.StopAsync(CancellationToken.None);
        }
    }

    private sealed class NoopTransport : ISiemTransport
    {
        public string Name => "noop";

        public Task<DeliveryResult> SendAsync(IReadOnlyList<SecurityEvent> batch, CancellationToken cancellationToken) => Task.FromResult(DeliveryResult.Acknowledged);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
