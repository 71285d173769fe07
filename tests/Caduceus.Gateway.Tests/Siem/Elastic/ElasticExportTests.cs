using System.Text.Json;
using System.Text.Json.Nodes;
using Caduceus.Gateway.Siem.Delivery;
using Caduceus.Gateway.Siem.Elastic;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.Siem.Splunk;
using Microsoft.Extensions.Logging.Abstractions;

namespace Caduceus.Gateway.Tests.Siem.Elastic;

public sealed class ElasticExportTests
{
    private const string ApiKey = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Blocked_requests_reach_the_bulk_api_as_create_actions_keyed_by_event_id_with_ecs_documents()
    {
        await using var receiver = await LoopbackHttpReceiver.StartAsync(request => (200, BulkAnswer(request, _ => 201)));
        await using var harness = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Siem:Elastic:Url"] = receiver.BaseAddress.ToString(),
            ["Siem:Elastic:ApiKey"] = ApiKey,
        });

        var eventId = await SiemTestEvents.SendBlockedRequestAsync(harness);
        await LoopbackHttpReceiver.WaitUntilAsync(() => receiver.Accepted.Any(r => r.Body.Contains(eventId, StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "the event reached Elasticsearch");

        var request = receiver.Accepted.First(r => r.Body.Contains(eventId, StringComparison.Ordinal));
        Assert.Equal("/_bulk", request.PathAndQuery);
        Assert.Equal("ApiKey " + ApiKey, request.Headers["Authorization"]);
        Assert.StartsWith("application/x-ndjson", request.Headers["Content-Type"], StringComparison.Ordinal);
        var (action, document) = Pairs(request.Body).Single(p => p.Action.GetProperty("create").GetProperty("_id").GetString() == eventId);
        Assert.Equal("logs-caduceus.security-default", action.GetProperty("create").GetProperty("_index").GetString());
        Assert.Equal(eventId, document.GetProperty("event").GetProperty("id").GetString());
        Assert.Equal("alert", document.GetProperty("event").GetProperty("kind").GetString());
        Assert.Equal("intrusion_detection", document.GetProperty("event").GetProperty("category")[0].GetString());
        Assert.Equal("denied", document.GetProperty("event").GetProperty("type")[0].GetString());
        Assert.Equal("request.blocked", document.GetProperty("event").GetProperty("action").GetString());
        Assert.Equal("failure", document.GetProperty("event").GetProperty("outcome").GetString());
        Assert.True(DateTimeOffset.TryParse(document.GetProperty("@timestamp").GetString(), out _));
        Assert.Equal(2004, document.GetProperty("caduceus").GetProperty("ocsf").GetProperty("class_uid").GetInt32());
        Assert.Equal("/v1/chat/completions", document.GetProperty("url").GetProperty("path").GetString());
        Assert.DoesNotContain(SiemTestEvents.Ssn, request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(SiemTestEvents.Name, request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Per_item_errors_resend_the_batch_when_retryable_and_count_items_refused_for_good()
    {
        var attempts = 0;
        await using var receiver = await LoopbackHttpReceiver.StartAsync(request =>
        {
            var attempt = Interlocked.Increment(ref attempts);

            // First answer: the second item is throttled. Second: the first item is a duplicate, the third is malformed.
            return (200, BulkAnswer(request, index => (attempt, index) switch
            {
                (1, 1) => 429,
                (2, 0) => 409,
                (2, 2) => 400,
                _ => 201,
            }));
        });
        var spill = Directory.CreateTempSubdirectory("caduceus-spill-").FullName;
        var exporter = new SiemExporter(
            new ElasticBulkTransport(new ElasticOptions { Url = receiver.BaseAddress.ToString() }), SplunkExportTests.FastRetries(), spill, NullLogger<SiemExporter>.Instance);
        for (var i = 0; i < 3; i++)
        {
            exporter.Publish(SiemTestEvents.Made(i));
        }

        await exporter.StartAsync(Cancel);
        await LoopbackHttpReceiver.WaitUntilAsync(() => exporter.Acknowledged + exporter.Rejected == 3, TimeSpan.FromSeconds(10), "the batch was settled");
        await exporter.StopAsync(Cancel);
        exporter.Dispose();

        Assert.Equal(2, receiver.Requests.Count);
        Assert.Equal(1, exporter.Rejected);
        Assert.Equal(2, exporter.Acknowledged);
        Assert.All(receiver.Requests, r => Assert.Equal(3, Pairs(r.Body).Count));
        Assert.False(File.Exists(exporter.SpillPath));
        Directory.Delete(spill, recursive: true);
    }

    private static List<(JsonElement Action, JsonElement Document)> Pairs(string ndjson)
    {
        var lines = ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, lines.Length % 2);
        var pairs = new List<(JsonElement, JsonElement)>();
        for (var i = 0; i < lines.Length; i += 2)
        {
            pairs.Add((JsonDocument.Parse(lines[i]).RootElement.Clone(), JsonDocument.Parse(lines[i + 1]).RootElement.Clone()));
        }

        return pairs;
    }

    // What Elasticsearch answers: one item per action, in order, each with its status.
    private static string BulkAnswer(ReceivedRequest request, Func<int, int> status)
    {
        var items = new JsonArray();
        var pairs = Pairs(request.Body);
        for (var i = 0; i < pairs.Count; i++)
        {
            var code = status(i);
            var item = new JsonObject { ["_id"] = pairs[i].Action.GetProperty("create").GetProperty("_id").GetString(), ["status"] = code };
            if (code >= 300)
            {
                item["error"] = new JsonObject { ["type"] = code == 409 ? "version_conflict_engine_exception" : "mapper_parsing_exception" };
            }

            items.Add(new JsonObject { ["create"] = item });
        }

        var errors = items.Any(i => i!["create"]!["status"]!.GetValue<int>() >= 300);
        return new JsonObject { ["took"] = 1, ["errors"] = errors, ["items"] = items }.ToJsonString();
    }
}
