using System.Net;
using System.Text;
using System.Text.Json;
using Caduceus.LoadTest.Receivers;

namespace Caduceus.LoadTest.Tests.Receivers;

public sealed class HttpEventReceiverTests
{
    [Fact]
    public async Task Counts_splunk_lines_bulk_pairs_and_otlp_event_ids_and_answers_like_the_real_receivers()
    {
        await using var receiver = new HttpEventReceiver(FreePorts.Take(1)[0], "523-45-6789"u8);
        using var client = new HttpClient { BaseAddress = receiver.BaseAddress };
        var cancellation = TestContext.Current.CancellationToken;

        using var splunk = await client.PostAsync("services/collector/event", new StringContent("{\"event\":1}\n{\"event\":2}\n{\"event\":3}\n"), cancellation);
        using var bulk = await client.PostAsync("_bulk", new StringContent("{\"create\":{}}\n{\"a\":1}\n{\"create\":{}}\n{\"a\":\"523-45-6789\"}\n"), cancellation);
        using var logs = await client.PostAsync("v1/logs", new ByteArrayContent(Encoding.ASCII.GetBytes("\u0001evt_a\u0002\u0003evt_b")), cancellation);
        using var traces = await client.PostAsync("v1/traces", new ByteArrayContent([1, 2, 3]), cancellation);

        Assert.Equal(HttpStatusCode.OK, splunk.StatusCode);
        Assert.Contains("Success", await splunk.Content.ReadAsStringAsync(cancellation), StringComparison.Ordinal);
        using var bulkAnswer = JsonDocument.Parse(await bulk.Content.ReadAsStringAsync(cancellation));
        Assert.False(bulkAnswer.RootElement.GetProperty("errors").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, logs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, traces.StatusCode);
        Assert.Equal((3, 2, 2), (receiver.Splunk.Events, receiver.Elastic.Events, receiver.OtlpLogs.Events));
        Assert.Equal((1, 0), (receiver.Elastic.PayloadsWithForbiddenText, receiver.Splunk.PayloadsWithForbiddenText));
        Assert.Equal((1, 0), (receiver.OtlpTraces.Requests, receiver.OtlpTraces.Events));
    }

    [Fact]
    public async Task An_unknown_path_is_answered_404_and_counted_nowhere()
    {
        await using var receiver = new HttpEventReceiver(FreePorts.Take(1)[0], []);
        using var client = new HttpClient { BaseAddress = receiver.BaseAddress };

        using var response = await client.PostAsync("services/collector/raw", new StringContent("x\n"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, receiver.Splunk.Requests + receiver.Elastic.Requests + receiver.OtlpLogs.Requests);
    }

    [Fact]
    public void Occurrences_counts_non_overlapping_matches() =>
        Assert.Equal(3, HttpEventReceiver.Occurrences("evt_1 evt_2evt_3"u8, "evt_"u8));
}
