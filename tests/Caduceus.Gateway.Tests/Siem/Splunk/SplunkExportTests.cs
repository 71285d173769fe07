using System.Text.Json;
using Caduceus.Gateway.Siem.Delivery;
using Caduceus.Gateway.Siem.Splunk;
using Caduceus.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Caduceus.Gateway.Tests.Siem.Splunk;

public sealed class SplunkExportTests
{
    private const string Token = "hec-token-5b0e2c61";

    [Fact]
    public async Task Blocked_requests_reach_the_event_collector_as_json_with_token_sourcetype_and_event_id()
    {
        await using var receiver = await LoopbackHttpReceiver.StartAsync(_ => (200, """{"text":"Success","code":0}"""));
        await using var harness = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Siem:Splunk:Url"] = receiver.BaseAddress.ToString(),
            ["Siem:Splunk:Token"] = Token,
            ["Siem:Splunk:Index"] = "security",
        });

        var eventId = await SiemTestEvents.SendBlockedRequestAsync(harness);
        await LoopbackHttpReceiver.WaitUntilAsync(() => receiver.Accepted.Any(r => r.Body.Contains(eventId, StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "the event reached Splunk");

        var request = receiver.Accepted.First(r => r.Body.Contains(eventId, StringComparison.Ordinal));
        Assert.Equal("POST", request.Method);
        Assert.Equal("/services/collector/event", request.PathAndQuery);
        Assert.Equal("Splunk " + Token, request.Headers["Authorization"]);
        var hecEvent = ParseEvents(request.Body).Single(e => e.GetProperty("event").GetProperty("event_id").GetString() == eventId);
        Assert.Equal("caduceus:security", hecEvent.GetProperty("sourcetype").GetString());
        Assert.Equal("security", hecEvent.GetProperty("index").GetString());
        Assert.True(hecEvent.GetProperty("time").GetDecimal() > 1_700_000_000m);
        var body = hecEvent.GetProperty("event");
        Assert.Equal("request.blocked", body.GetProperty("event_type").GetString());
        Assert.Equal(eventId, body.GetProperty("metadata").GetProperty("uid").GetString());
        Assert.Equal(2004, body.GetProperty("class_uid").GetInt32());
        Assert.Equal(4, body.GetProperty("severity_id").GetInt32());
        Assert.DoesNotContain(SiemTestEvents.Ssn, request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(SiemTestEvents.Name, request.Body, StringComparison.Ordinal);
        var metrics = await harness.Http.GetStringAsync("metrics", TestContext.Current.CancellationToken);
        Assert.Matches("caduceus_siem_events_total\\{[^}]*exporter=\"splunk\"[^}]*outcome=\"acknowledged\"[^}]*\\} [1-9]", metrics);
    }

    [Fact]
    public async Task A_refused_token_is_counted_and_logged_without_payload_and_never_resent()
    {
        await using var receiver = await LoopbackHttpReceiver.StartAsync(_ => (403, """{"text":"Invalid token","code":4}"""));
        var logs = new CapturingLoggerProvider();
        var exporter = new SiemExporter(
            new SplunkTransport(new SplunkOptions { Url = receiver.BaseAddress.ToString(), Token = Token }),
            FastRetries(),
            Directory.CreateTempSubdirectory("caduceus-spill-").FullName,
            new Microsoft.Extensions.Logging.Logger<SiemExporter>(new Microsoft.Extensions.Logging.LoggerFactory([logs])));
        for (var i = 0; i < 10; i++)
        {
            exporter.Publish(SiemTestEvents.Made(i));
        }

        await exporter.StartAsync(TestContext.Current.CancellationToken);
        await LoopbackHttpReceiver.WaitUntilAsync(() => exporter.Rejected == 10, TimeSpan.FromSeconds(10), "the batch was refused");
        await Task.Delay(300, TestContext.Current.CancellationToken);
        await exporter.StopAsync(TestContext.Current.CancellationToken);

        Assert.Single(receiver.Requests);
        Assert.Equal(0, exporter.Acknowledged);
        Assert.False(File.Exists(exporter.SpillPath));
        Assert.Contains(logs.Lines, line => line.Contains("refused 10 events", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(Token, StringComparison.Ordinal) || line.Contains("evt_load", StringComparison.Ordinal));
    }

    internal static SiemDeliveryOptions FastRetries() => new()
    {
        QueueCapacity = 256,
        BatchSize = 100,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        RetryMaxDelay = TimeSpan.FromMilliseconds(200),
        SendTimeout = TimeSpan.FromSeconds(2),
    };

    /// <summary>HEC batches are JSON objects one after another.</summary>
    internal static List<JsonElement> ParseEvents(string body)
    {
        var events = new List<JsonElement>();
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
            events.Add(document.RootElement.Clone());
        }

        return events;
    }

    internal static IEnumerable<string> EventIds(LoopbackHttpReceiver receiver) =>
        receiver.Accepted.SelectMany(r => ParseEvents(r.Body)).Select(e => e.GetProperty("event").GetProperty("event_id").GetString()!);
}
