using Caduceus.Gateway.Tests.Infrastructure;

namespace Caduceus.Gateway.Tests.Siem.Otlp;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task Metrics_request_spans_and_security_events_reach_an_otlp_collector_without_the_text()
    {
        await using var collector = await LoopbackHttpReceiver.StartAsync(_ => (200, string.Empty));
        await using var harness = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Siem:Otlp:Endpoint"] = collector.BaseAddress.ToString(),
            ["Siem:Otlp:Headers"] = "x-collector-key=k1",
            ["Siem:Otlp:ExportInterval"] = "00:00:00.200",
        });

        var eventId = await SiemTestEvents.SendBlockedRequestAsync(harness);
        HashSet<string> Signal(string path) => [.. collector.Requests.Where(r => r.PathAndQuery == path).SelectMany(r => ProtobufStrings.Read(r.Raw))];
        await LoopbackHttpReceiver.WaitUntilAsync(
            () => Signal("/v1/logs").Contains(eventId) && Signal("/v1/metrics").Contains("caduceus.security_events") && Signal("/v1/traces").Contains("Microsoft.AspNetCore"),
            TimeSpan.FromSeconds(15),
            "logs, metrics and traces arrived");

        var logs = Signal("/v1/logs");
        Assert.Contains("request.blocked", logs);
        Assert.Contains("caduceus-gateway", logs);
        Assert.All(collector.Requests, r =>
        {
            Assert.Equal("application/x-protobuf", r.Headers["Content-Type"]);
            Assert.Equal("k1", r.Headers["x-collector-key"]);
        });
        var everything = collector.Requests.SelectMany(r => ProtobufStrings.Read(r.Raw)).ToList();
        Assert.DoesNotContain(everything, s => s.Contains(SiemTestEvents.Ssn, StringComparison.Ordinal) || s.Contains(SiemTestEvents.Name, StringComparison.Ordinal));
    }
}
