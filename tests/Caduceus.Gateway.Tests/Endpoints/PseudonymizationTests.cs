using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Caduceus.Events;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.TestModel;

namespace Caduceus.Gateway.Tests.Endpoints;

public sealed class PseudonymizationTests
{
    private const string Ssn = "536-22-1843";
    private const string Email = "pat.doe@example.com";

    private static readonly Dictionary<string, string?> Pseudonymizing = new()
    {
        ["Applications:default:Policy:Request:Phi"] = "Pseudonymize",
    };

    private static readonly Dictionary<string, string?> PseudonymizingAndRestoring = new(Pseudonymizing)
    {
        ["Applications:default:Policy:RestorePseudonyms"] = "true",
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_model_sees_tokens_and_an_unentitled_caller_gets_tokens_back()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: Pseudonymizing);

        var content = await ChatAsync(harness, $"My SSN is {Ssn} and my email is {Email}");

        Assert.Equal("Echo: My SSN is <SSN_1> and my email is <EMAIL_1>", content);
    }

    [Fact]
    public async Task An_entitled_caller_gets_the_real_values_restored()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: PseudonymizingAndRestoring);

        var content = await ChatAsync(harness, $"My SSN is {Ssn} and my email is {Email}");

        Assert.Equal($"Echo: My SSN is {Ssn} and my email is {Email}", content);
        Assert.Contains(harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.ResponseRestored && e.EntityCounts["PSEUDONYM"] == 2);
    }

    [Fact]
    public async Task Restores_tokens_split_across_stream_chunks()
    {
        var rule = new TestModelRule { Match = "SSN", Reply = "I saw {{lastUser}} and nothing else.", ChunkSize = 3 };
        await using var harness = await GatewayHarness.StartAsync(Scripts.Single(rule), PseudonymizingAndRestoring);

        using var response = await harness.Http.PostAsync("v1/chat/completions", Json($$"""{"stream":true,"messages":[{"role":"user","content":"SSN {{Ssn}} please"}]}"""), Cancel);
        var text = await StreamedTextAsync(response);

        Assert.Equal($"I saw SSN {Ssn} please and nothing else.", text);
    }

    [Fact]
    public async Task A_token_the_model_invents_is_not_restored()
    {
        var rule = new TestModelRule { Match = "SSN", Reply = "Known <SSN_1>, invented <SSN_7> and <NAME_1>." };
        await using var harness = await GatewayHarness.StartAsync(Scripts.Single(rule), PseudonymizingAndRestoring);

        var content = await ChatAsync(harness, $"SSN {Ssn}");

        Assert.Equal($"Known {Ssn}, invented <SSN_7> and <NAME_1>.", content);
    }

    [Fact]
    public async Task A_conversation_keeps_its_tokens_across_requests_and_callers_cannot_share_them()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: Pseudonymizing);

        var first = await ChatAsync(harness, $"first {Email} then {Ssn}", conversation: "conv-1");
        var second = await ChatAsync(harness, $"only {Ssn}", conversation: "conv-1");
        var elsewhere = await ChatAsync(harness, $"only {Ssn}", conversation: "conv-2");

        Assert.Equal("Echo: first <EMAIL_1> then <SSN_1>", first);
        Assert.Equal("Echo: only <SSN_1>", second);
        Assert.Equal("Echo: only <SSN_1>", elsewhere);
    }

    [Fact]
    public async Task Rejects_a_malformed_conversation_id()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: Pseudonymizing);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = Json("""{"messages":[{"role":"user","content":"hi"}]}""") };
        request.Headers.Add("X-Caduceus-Conversation-Id", new string('x', 200));

        using var response = await harness.Http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Keeps_pseudonymized_values_out_of_the_store_in_plain_text()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: PseudonymizingAndRestoring);

        await ChatAsync(harness, $"My SSN is {Ssn} and my email is {Email}", conversation: "conv-store");

        foreach (var file in Directory.GetFiles(Path.Combine(harness.DataDirectory, "data")))
        {
            var bytes = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file, Cancel));
            Assert.DoesNotContain(Ssn, bytes, StringComparison.Ordinal);
            Assert.DoesNotContain(Email, bytes, StringComparison.Ordinal);
            Assert.DoesNotContain("conv-store", bytes, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(harness.Logs.Lines, line => line.Contains(Ssn, StringComparison.Ordinal) || line.Contains(Email, StringComparison.Ordinal));
    }

    private static async Task<string?> ChatAsync(GatewayHarness harness, string text, string? conversation = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = Json(JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = text } } })),
        };
        if (conversation is not null)
        {
            request.Headers.Add("X-Caduceus-Conversation-Id", conversation);
        }

        using var response = await harness.Http.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return body.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
    }

    private static async Task<string> StreamedTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var text = new StringBuilder();
        foreach (var line in (await response.Content.ReadAsStringAsync(Cancel)).Split('\n'))
        {
            if (!line.StartsWith("data: {", StringComparison.Ordinal))
            {
                continue;
            }

            using var chunk = JsonDocument.Parse(line["data: ".Length..]);
            foreach (var choice in chunk.RootElement.GetProperty("choices").EnumerateArray())
            {
                if (choice.GetProperty("delta").TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String)
                {
                    text.Append(content.GetString());
                }
            }
        }

        return text.ToString();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json").MediaType!);
}
