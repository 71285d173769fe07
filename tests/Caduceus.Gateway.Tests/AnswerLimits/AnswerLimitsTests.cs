using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Caduceus.Events;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.TestModel;
using Microsoft.Extensions.Options;
using static Caduceus.Gateway.Tests.Infrastructure.Requests;

namespace Caduceus.Gateway.Tests.AnswerLimits;

public sealed class AnswerLimitsTests
{
    // 25 characters of ordinary answer text; no detector finds anything in it.
    private const string Sentence = "We open at eight sharp.  ";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Text(int sentences) => string.Concat(Enumerable.Repeat(Sentence, sentences));

    [Fact]
    public async Task Withholds_a_whole_answer_longer_than_the_limit_and_raises_an_event()
    {
        var script = Scripts.Single(new TestModelRule { Reply = Text(16) + "!" });
        await using var harness = await GatewayHarness.StartAsync(script, new Dictionary<string, string?> { ["AnswerLimits:MaxTokens"] = "100" });

        using var response = await ChatAsync(harness.Http);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await BodyAsync(response)).GetProperty("error");
        Assert.Equal("answer_too_long", error.GetProperty("code").GetString());
        Assert.Contains("AnswerLimits:MaxTokens", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.ResponseBlocked && e.Code == "answer_too_long");
    }

    [Fact]
    public async Task Passes_a_whole_answer_exactly_at_the_limit()
    {
        var script = Scripts.Single(new TestModelRule { Reply = Text(16) });
        await using var harness = await GatewayHarness.StartAsync(script, new Dictionary<string, string?> { ["AnswerLimits:MaxTokens"] = "100" });

        using var response = await ChatAsync(harness.Http);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Stops_a_streamed_answer_before_the_text_past_the_limit_is_sent()
    {
        var script = Scripts.Single(new TestModelRule { Reply = Text(80), ChunkSize = 100 });
        await using var harness = await GatewayHarness.StartAsync(script, new Dictionary<string, string?> { ["AnswerLimits:MaxTokens"] = "100" });

        var (content, errorCode) = await StreamAsync(harness);

        Assert.Equal("answer_too_long", errorCode);
        Assert.True(content.Length <= 400, $"{content.Length} characters were sent");
    }

    [Fact]
    public async Task Stops_a_stream_that_drips_slower_than_the_minimum_rate()
    {
        var script = Scripts.Single(new TestModelRule { Reply = Text(8), ChunkSize = 2, ChunkDelayMs = 100 });
        await using var harness = await GatewayHarness.StartAsync(script, new Dictionary<string, string?>
        {
            ["AnswerLimits:MinStreamCharactersPerSecond"] = "100",
            ["AnswerLimits:StreamRateGrace"] = "00:00:00.5",
        });
        var clock = Stopwatch.StartNew();

        var (_, errorCode) = await StreamAsync(harness);

        Assert.Equal("stream_too_slow", errorCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopped after {clock.Elapsed}");
    }

    [Fact]
    public async Task Lets_a_stream_at_a_normal_pace_finish()
    {
        var script = Scripts.Single(new TestModelRule { Reply = Text(12), ChunkSize = 30, ChunkDelayMs = 50 });
        await using var harness = await GatewayHarness.StartAsync(script, new Dictionary<string, string?> { ["AnswerLimits:StreamRateGrace"] = "00:00:00.1" });

        var (content, errorCode) = await StreamAsync(harness);

        Assert.Null(errorCode);
        Assert.Equal(300, content.Length);
    }

    [Fact]
    public async Task Out_of_range_limit_stops_the_gateway_at_start_up()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            GatewayHarness.StartAsync(settings: new Dictionary<string, string?> { ["AnswerLimits:MaxTokens"] = "-1" }, upstreamOverride: "http://127.0.0.1:9/v1"));

        Assert.Contains("AnswerLimits:MaxTokens", exception.Message, StringComparison.Ordinal);
    }

    private static async Task<(string Content, string? ErrorCode)> StreamAsync(GatewayHarness harness)
    {
        using var response = await harness.Http.PostAsync("v1/chat/completions", Json("""{"stream":true,"messages":[{"role":"user","content":"hi"}]}"""), Cancel);
        var content = new System.Text.StringBuilder();
        foreach (var line in (await response.Content.ReadAsStringAsync(Cancel)).Split('\n'))
        {
            if (!line.StartsWith("data: {", StringComparison.Ordinal))
            {
                continue;
            }

            using var chunk = JsonDocument.Parse(line[6..]);
            if (chunk.RootElement.TryGetProperty("error", out var error))
            {
                return (content.ToString(), error.GetProperty("code").GetString());
            }

            foreach (var choice in chunk.RootElement.GetProperty("choices").EnumerateArray())
            {
                if (choice.GetProperty("delta").TryGetProperty("content", out var text) && text.ValueKind == JsonValueKind.String)
                {
                    content.Append(text.GetString());
                }
            }
        }

        return (content.ToString(), null);
    }
}
