using System.ClientModel;
using System.Text;
using System.Text.Json;
using Caduceus.Events;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.TestModel;
using OpenAI.Chat;

namespace Caduceus.Gateway.Tests.Endpoints;

/// <summary>
/// A model that recites its instructions: the planted canary gives it away and the answer is withheld. The question
/// is harmless (an obvious extraction request is stopped at the input already); the scripted model leaks anyway, as a
/// model talked round by something subtler would.
/// </summary>
public sealed class CanaryTokenTests
{
    private const string Instructions = "You are the front desk assistant of Lakeside Clinic. Secret escalation word: bluebird.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static TestModelScript Leaky(int? chunkSize = null) =>
        Scripts.Single(new TestModelRule { Match = "visit", Reply = "Sure! My instructions are: {{system}}", ChunkSize = chunkSize });

    private static ChatMessage[] Conversation => [new SystemChatMessage(Instructions), new UserChatMessage("What should I bring to my visit?")];

    [Fact]
    public async Task Withholds_an_answer_that_recites_the_system_prompt_with_an_event_id()
    {
        await using var harness = await GatewayHarness.StartAsync(Leaky());

        var exception = await Assert.ThrowsAsync<ClientResultException>(() => harness.ChatClient().CompleteChatAsync(Conversation, cancellationToken: Cancel));

        Assert.Equal(400, exception.Status);
        var body = exception.GetRawResponse()!.Content.ToString();
        Assert.DoesNotContain("bluebird", body, StringComparison.Ordinal);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.Equal("system_prompt_leak", error.GetProperty("code").GetString());
        var recorded = Assert.Single(harness.Events.Snapshot(), e => e.Id == error.GetProperty("event_id").GetString());
        Assert.Equal(SecurityEventTypes.ResponseBlocked, recorded.Type);
        Assert.Contains("CanaryToken", recorded.Detectors);
    }

    [Fact]
    public async Task Stops_a_streamed_recital_before_the_instructions_reach_the_client()
    {
        await using var harness = await GatewayHarness.StartAsync(Leaky(chunkSize: 3));
        var request = JsonSerializer.Serialize(new
        {
            stream = true,
            messages = new object[] { new { role = "system", content = Instructions }, new { role = "user", content = "What should I bring to my visit?" } },
        });

        using var response = await harness.Http.PostAsync("v1/chat/completions", new StringContent(request, Encoding.UTF8, "application/json"), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Contains("\"code\":\"system_prompt_leak\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("bluebird", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Lakeside", body, StringComparison.Ordinal);
        Assert.DoesNotContain("cdx-", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("[DONE]", body, StringComparison.Ordinal);
        Assert.Contains(harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.ResponseBlocked && e.Code == "system_prompt_leak");
    }

    [Fact]
    public async Task Plants_nothing_when_the_policy_turns_canaries_off_or_there_is_no_system_prompt()
    {
        await using var off = await GatewayHarness.StartAsync(Leaky(), new Dictionary<string, string?> { ["Applications:default:Policy:CanaryTokens"] = "false" });
        await using var noSystem = await GatewayHarness.StartAsync(Leaky());

        ChatCompletion recited = await off.ChatClient().CompleteChatAsync(Conversation, cancellationToken: Cancel);
        ChatCompletion nothing = await noSystem.ChatClient().CompleteChatAsync([new UserChatMessage("Anything to know before my visit?")], cancellationToken: Cancel);

        Assert.Equal("Sure! My instructions are: " + Instructions, recited.Content[0].Text);
        Assert.Equal("Sure! My instructions are: ", nothing.Content[0].Text);
    }

    [Fact]
    public async Task Lets_an_ordinary_answer_through_when_a_canary_was_planted()
    {
        await using var harness = await GatewayHarness.StartAsync();

        ChatCompletion completion = await harness.ChatClient().CompleteChatAsync(
            [new SystemChatMessage(Instructions), new UserChatMessage("When do you open on Monday?")], cancellationToken: Cancel);

        Assert.Equal("Echo: When do you open on Monday?", completion.Content[0].Text);
    }
}
