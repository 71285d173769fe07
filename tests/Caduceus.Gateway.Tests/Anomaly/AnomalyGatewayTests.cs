using System.Net;
using System.Text.Json;
using Caduceus.Events;
using Caduceus.Gateway.Anomaly;
using Caduceus.Gateway.Tests.Infrastructure;

namespace Caduceus.Gateway.Tests.Anomaly;

public sealed class AnomalyGatewayTests
{
    private const string Ssn = "536-22-1843";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Mrn(int patient) => $"MRN-0048{patient:D4}";

    [Fact]
    public async Task A_key_walking_through_patient_records_raises_an_anomaly_event_without_phi()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Anomaly:DistinctPatients:ColdCeiling"] = "8",
        });

        for (var patient = 1; patient <= 10; patient++)
        {
            using var response = await ChatAsync(harness.Http, $"Summarise the last visit of the patient with {Mrn(patient)}, SSN on file {Ssn}.", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var anomaly = await WaitForAnomalyAsync(harness, e => e.Anomaly!.Dimension == AnomalySubject.Key);
        Assert.Equal(AnomalyMetrics.DistinctPatients, anomaly.Code);
        Assert.Equal("default", anomaly.Application);
        Assert.Equal(anomaly.Principal, anomaly.Anomaly!.Subject);
        Assert.True(anomaly.Anomaly.Observed >= 8, anomaly.Anomaly.ToString());
        AssertNoPhi(harness, Enumerable.Range(1, 10).Select(Mrn).Append(Ssn));
    }

    [Fact]
    public async Task A_conversation_about_many_patients_is_flagged_under_a_hashed_conversation_id()
    {
        const string conversation = "call-2026-03-11-0915";
        await using var harness = await GatewayHarness.StartAsync();

        for (var patient = 1; patient <= 7; patient++)
        {
            using var response = await ChatAsync(harness.Http, $"What are the allergies of {Mrn(patient)}?", conversation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var anomaly = await WaitForAnomalyAsync(harness, e => e.Anomaly!.Dimension == AnomalySubject.Conversation);
        Assert.StartsWith("conv_", anomaly.Anomaly!.Subject, StringComparison.Ordinal);
        Assert.Null(anomaly.Anomaly.BaselineMean);
        AssertNoPhi(harness, Enumerable.Range(1, 7).Select(Mrn).Append(conversation));
    }

    [Fact]
    public async Task Two_gateways_sharing_redis_count_one_application_s_patients_together()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Anomaly:Redis"] = TestRedis.Address,
            ["Anomaly:RedisKeyPrefix"] = TestRedis.FreshPrefix(),
            ["Anomaly:DistinctPatients:ColdCeiling"] = "8",
        };
        await using var first = await GatewayHarness.StartAsync(settings: settings);
        await using var second = await GatewayHarness.StartAsync(settings: settings);

        // Five patients through each: neither key alone reaches the ceiling, their application does.
        for (var patient = 1; patient <= 10; patient++)
        {
            using var response = await ChatAsync((patient % 2 == 0 ? first : second).Http, $"Open the chart of {Mrn(patient)}.", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var anomaly = await WaitForAnyAsync([first, second], e => e.Anomaly!.Dimension == AnomalySubject.Application);
        Assert.Equal("default", anomaly.Anomaly!.Subject);
        Assert.True(anomaly.Anomaly.Observed >= 8, anomaly.Anomaly.ToString());
        Assert.DoesNotContain([.. first.Events.Snapshot(), .. second.Events.Snapshot()], e => e.Anomaly?.Dimension == AnomalySubject.Key);
    }

    [Fact]
    public async Task Ordinary_use_raises_no_anomaly()
    {
        await using var harness = await GatewayHarness.StartAsync();

        for (var i = 0; i < 5; i++)
        {
            using var response = await ChatAsync(harness.Http, $"Please update the chart of {Mrn(1)} with today's blood pressure.", "call-1");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Task.Delay(300, Cancel);
        Assert.DoesNotContain(harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.AnomalyDetected);
    }

    [Theory]
    [InlineData("Anomaly:ClinicHours:TimeZone", "Mars/Olympus")]
    [InlineData("Anomaly:ClinicHours:Hours:Monday", "19:00-07:00")]
    [InlineData("Anomaly:Window", "00:00:01")]
    public async Task Bad_anomaly_settings_stop_the_gateway_at_start_up_with_a_message_naming_them(string key, string value)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHarness.StartAsync(settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(key.Split(':')[^1], failure.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> ChatAsync(HttpClient client, string text, string? conversation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = Requests.Json(JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = text } } })),
        };
        if (conversation is not null)
        {
            request.Headers.Add("X-Caduceus-Conversation-Id", conversation);
        }

        return await client.SendAsync(request, Cancel);
    }

    private static Task<SecurityEvent> WaitForAnomalyAsync(GatewayHarness harness, Func<SecurityEvent, bool> match) =>
        WaitForAnyAsync([harness], match);

    private static async Task<SecurityEvent> WaitForAnyAsync(GatewayHarness[] harnesses, Func<SecurityEvent, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var events = harnesses.SelectMany(h => h.Events.Snapshot()).ToList();
            var found = events.FirstOrDefault(e => e.Type == SecurityEventTypes.AnomalyDetected && match(e));
            if (found is not null)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "No anomaly event: " + string.Join(", ", events.Select(e => e.Type + "/" + e.Code)));
            await Task.Delay(50, Cancel);
        }
    }

    private static void AssertNoPhi(GatewayHarness harness, IEnumerable<string> values)
    {
        var events = JsonSerializer.Serialize(harness.Events.Snapshot());
        var logs = string.Join('\n', harness.Logs.Lines);
        foreach (var value in values)
        {
            Assert.DoesNotContain(value, events, StringComparison.Ordinal);
            Assert.DoesNotContain(value, logs, StringComparison.Ordinal);
        }
    }
}
