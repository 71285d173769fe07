using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Caduceus.Events;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.TestModel;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Tests.Streaming;

public sealed class StreamingBatchGatewayTests
{
    private static readonly Dictionary<string, string?> Batching = new()
    {
        ["StreamInspection:BatchCharacters"] = "100",
        ["StreamInspection:BatchDelay"] = "00:00:00.150",

        // The paused model streams slower than the minimum rate; that check has its own tests.
        ["AnswerLimits:MinStreamCharactersPerSecond"] = "0",
    };

    /// <summary>Scheduling delay allowed on a shared, busy 2-core machine.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Releases_a_small_batch_within_the_delay_while_the_model_pauses()
    {
        // The first delta is far below the batch size and the model sends nothing more until the client has seen it:
        // only the batch timer can release it.
        await using var upstream = await PausingStreamUpstream.StartAsync("Your visit is booked. ", "See you on Tuesday. ");
        await using var harness = await GatewayHarness.StartAsync(settings: Batching, upstreamOverride: upstream.BaseUrl);
        var contents = new List<string>();
        TimeSpan? heldFor = null;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        await foreach (var chunk in ReadEventsAsync(harness, "book please", timeout.Token))
        {
            contents.Add(ContentOf(chunk));
            if (heldFor is null && contents[^1].Length > 0)
            {
                heldFor = upstream.SinceFirstDelta!.Elapsed;
                upstream.Resume();
            }
        }

        Assert.Equal("Your visit is booked. See you on Tuesday. ", string.Concat(contents));
        Assert.Equal("Your visit is booked. ", contents.First(c => c.Length > 0));
        Assert.InRange(heldFor!.Value, TimeSpan.FromMilliseconds(140), TimeSpan.FromMilliseconds(150) + Slack);
    }

    [Fact]
    public async Task Redacts_phi_split_across_batches_of_a_fast_stream()
    {
        const string Reply = "Your chart is ready and your next visit is on the calendar as planned. The SSN on file is 536-22-1843 and the callback number is (415) 555-0132 for the clinic.";
        await using var harness = await GatewayHarness.StartAsync(
            Scripts.Single(new TestModelRule { Match = "chart", Reply = Reply, ChunkSize = 3 }),
            Batching);

        var pieces = new List<string>();
        await foreach (var chunk in ReadEventsAsync(harness, "chart please", Cancel))
        {
            pieces.Add(ContentOf(chunk));
        }

        Assert.Equal(
            "Your chart is ready and your next visit is on the calendar as planned. The SSN on file is [SSN] and the callback number is [PHONE] for the clinic.",
            string.Concat(pieces));
        Assert.DoesNotContain(pieces, p => p.Contains("1843", StringComparison.Ordinal) || p.Contains("0132", StringComparison.Ordinal));
        Assert.Contains(harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.ResponseRedacted);
    }

    [Fact]
    public async Task Ends_with_the_sse_error_when_a_batch_released_by_time_is_blocked()
    {
        var settings = new Dictionary<string, string?>(Batching) { ["Applications:default:Policy:Response:Entities:SSN"] = "Block" };
        await using var upstream = await PausingStreamUpstream.StartAsync("Your number is 536-22-1843 as noted. ", "More follows. ");
        await using var harness = await GatewayHarness.StartAsync(settings: settings, upstreamOverride: upstream.BaseUrl);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));

        // The model never resumes before the answer is over: the refusal must not wait for its next delta.
        using var response = await harness.Http.PostAsync("v1/chat/completions", Json("number please"), timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);

        Assert.Contains("\"code\":\"phi_blocked\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("1843", body, StringComparison.Ordinal);
        Assert.DoesNotContain("[DONE]", body, StringComparison.Ordinal);
        Assert.Contains(harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.ResponseBlocked && e.Code == "phi_blocked");
    }

    [Fact]
    public async Task Refuses_to_start_with_a_batch_delay_out_of_range()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            GatewayHarness.StartAsync(settings: new Dictionary<string, string?> { ["StreamInspection:BatchDelay"] = "00:00:05" }, upstreamOverride: "http://127.0.0.1:9/v1"));

        Assert.Contains("StreamInspection:BatchDelay", exception.Message, StringComparison.Ordinal);
    }

    private static async IAsyncEnumerable<JsonElement> ReadEventsAsync(GatewayHarness harness, string prompt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = Json(prompt) };
        using var response = await harness.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!line.StartsWith("data: {", StringComparison.Ordinal))
            {
                continue;
            }

            using var chunk = JsonDocument.Parse(line[6..]);
            Assert.False(chunk.RootElement.TryGetProperty("error", out _), line);
            yield return chunk.RootElement.Clone();
        }
    }

    private static string ContentOf(JsonElement chunk)
    {
        var text = new StringBuilder();
        foreach (var choice in chunk.GetProperty("choices").EnumerateArray())
        {
            if (choice.GetProperty("delta").TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String)
            {
                text.Append(content.GetString());
            }
        }

        return text.ToString();
    }

    private static StringContent Json(string prompt) =>
        new($$"""{"stream":true,"messages":[{"role":"user","content":"{{prompt}}"}]}""", Encoding.UTF8, "application/json");
}
