using System.Net;
using System.Text;
using System.Text.Json;
using Caduceus.Events;
using Caduceus.Gateway.Tests.Audit;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.TestModel;

namespace Caduceus.Gateway.Tests.Limits;

public sealed class UsageLimitGatewayTests
{
    private const string Ssn = "536-22-1843";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_request_over_the_per_minute_limit_gets_429_with_retry_after_an_event_and_a_refused_audit_record()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?> { ["Limits:RequestsPerMinute"] = "3" });
        var keyId = (await harness.Keys.ListAsync(Cancel)).Single().Id;
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await ChatAsync(harness.Http, "What time does the clinic open?");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await ChatAsync(harness.Http, $"My SSN is {Ssn}, please update my chart");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        var error = (await Requests.BodyAsync(refused)).GetProperty("error");
        Assert.Equal("rate_limit_exceeded", error.GetProperty("code").GetString());
        Assert.Equal("rate_limit_error", error.GetProperty("type").GetString());
        Assert.Contains("3 requests per minute", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var eventId = error.GetProperty("event_id").GetString();

        var limitEvent = Assert.Single(harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.LimitExceeded);
        Assert.Equal(eventId, limitEvent.Id);
        Assert.Equal("rate_limit_exceeded", limitEvent.Code);
        Assert.Equal(keyId, limitEvent.Principal);
        Assert.Equal("default", limitEvent.Application);

        var record = LastAuditRecord(harness);
        Assert.Equal(429, record.GetProperty("status").GetInt32());
        Assert.Equal("refused", record.GetProperty("decision").GetString());
        Assert.Equal("rate_limit_exceeded", record.GetProperty("code").GetString());
        Assert.Contains(eventId, record.GetProperty("event_ids").EnumerateArray().Select(id => id.GetString()));
        AssertNoPhi(harness);
    }

    [Fact]
    public async Task Another_key_is_unaffected_when_one_key_has_used_up_its_rate()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?> { ["Limits:RequestsPerMinute"] = "2" });
        var other = await harness.CreateKeyAsync("clinician");
        using var otherHttp = harness.HttpWithKey(other.Secret);
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await ChatAsync(harness.Http, "hello");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await ChatAsync(harness.Http, "hello");
        using var otherAnswer = await ChatAsync(otherHttp, "hello");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherAnswer.StatusCode);
    }

    [Fact]
    public async Task A_big_answer_uses_up_the_hourly_token_budget_and_the_next_request_is_refused()
    {
        // The model's usage says about 1,000 completion tokens; the budget is 800 an hour.
        await using var harness = await GatewayHarness.StartAsync(
            Scripts.Single(new TestModelRule { Match = "essay", Reply = new string('a', 4000) }),
            new Dictionary<string, string?> { ["Limits:TokensPerHour"] = "800" });

        using var big = await ChatAsync(harness.Http, "Write me an essay");
        using var next = await ChatAsync(harness.Http, "hello");

        Assert.Equal(HttpStatusCode.OK, big.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
        Assert.InRange(next.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 3500, 3600);
        var error = (await Requests.BodyAsync(next)).GetProperty("error");
        Assert.Equal("token_budget_exceeded", error.GetProperty("code").GetString());
        Assert.Contains("800 tokens per hour", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("token_budget_exceeded", LastAuditRecord(harness).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_streamed_answer_counts_against_the_daily_budget_with_or_without_usage(bool includeUsage)
    {
        await using var harness = await GatewayHarness.StartAsync(
            Scripts.Single(new TestModelRule { Match = "essay", Reply = new string('b', 4000), ChunkSize = 500 }),
            new Dictionary<string, string?> { ["Limits:TokensPerDay"] = "800" });

        var body = JsonSerializer.Serialize(new
        {
            stream = true,
            stream_options = new { include_usage = includeUsage },
            messages = new[] { new { role = "user", content = "Write me an essay" } },
        });
        using (var streamed = await harness.Http.PostAsync("v1/chat/completions", Requests.Json(body), Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, streamed.StatusCode);
            Assert.EndsWith("data: [DONE]", (await streamed.Content.ReadAsStringAsync(Cancel)).TrimEnd(), StringComparison.Ordinal);
        }

        using var next = await ChatAsync(harness.Http, "hello");

        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
        Assert.Contains("800 tokens per day", (await Requests.BodyAsync(next)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Small_answers_stay_within_the_token_budget()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?> { ["Limits:TokensPerHour"] = "800" });

        for (var i = 0; i < 10; i++)
        {
            using var response = await ChatAsync(harness.Http, "What time does the clinic open?");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_prompt_larger_than_the_whole_budget_is_refused_with_400_not_told_to_wait()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?> { ["Limits:TokensPerHour"] = "100" });

        using var response = await ChatAsync(harness.Http, new string('c', 1000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        Assert.Equal("token_budget_exceeded", (await Requests.BodyAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("max_tokens", 501, HttpStatusCode.BadRequest, "max_tokens_too_large")]
    [InlineData("max_completion_tokens", 501, HttpStatusCode.BadRequest, "max_tokens_too_large")]
    [InlineData("max_tokens", 500, HttpStatusCode.OK, null)]
    [InlineData("max_tokens", 0, HttpStatusCode.BadRequest, "invalid_request")]
    public async Task Max_tokens_above_the_ceiling_is_refused(string field, int asked, HttpStatusCode expected, string? code)
    {
        await using var harness = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?> { ["Limits:MaxTokensPerRequest"] = "500" });

        using var response = await harness.Http.PostAsync(
            "v1/chat/completions",
            Requests.Json($$"""{"{{field}}":{{asked}},"messages":[{"role":"user","content":"hello"}]}"""),
            Cancel);

        Assert.Equal(expected, response.StatusCode);
        if (code is not null)
        {
            var error = (await Requests.BodyAsync(response)).GetProperty("error");
            Assert.Equal(code, error.GetProperty("code").GetString());
            Assert.Contains(field, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_application_override_replaces_the_default_rate()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Limits:RequestsPerMinute"] = "1",
            ["Applications:default:Limits:RequestsPerMinute"] = "3",
        });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await ChatAsync(harness.Http, "hello");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("Limits:RequestsPerMinute", "0", "Limits:RequestsPerMinute")]
    [InlineData("Limits:TokensPerHour", "-5", "Limits:TokensPerHour")]
    [InlineData("Limits:TokensPerDay", "0", "Limits:TokensPerDay")]
    [InlineData("Applications:default:Limits:MaxTokensPerRequest", "0", "Applications:default:Limits:MaxTokensPerRequest")]
    [InlineData("Limits:Roles:wizard:RequestsPerMinute", "10", "'wizard' is not a Caduceus role")]
    [InlineData("Limits:RedisRetryInterval", "00:00:00", "Limits:RedisRetryInterval")]
    public async Task Bad_limit_settings_stop_the_gateway_at_start_up_with_a_message_naming_them(string key, string value, string named)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHarness.StartAsync(settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    internal static async Task<HttpResponseMessage> ChatAsync(HttpClient client, string text) =>
        await client.PostAsync(
            "v1/chat/completions",
            Requests.Json(JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = text } } })),
            Cancel);

    private static JsonElement LastAuditRecord(GatewayHarness harness) =>
        JsonDocument.Parse(AuditDatabase.Records(harness.DatabaseDirectory)[^1].Json).RootElement.Clone();

    private static void AssertNoPhi(GatewayHarness harness)
    {
        Assert.DoesNotContain(harness.Logs.Lines, line => line.Contains(Ssn, StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Events.Snapshot(), e => e.ToString().Contains(Ssn, StringComparison.Ordinal));
        var bytes = AuditDatabase.FileBytes(harness.DatabaseDirectory);
        Assert.DoesNotContain(Ssn, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
