using System.ClientModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAI;
using OpenAI.Chat;

namespace Caduceus.TestModel.Tests.Endpoints;

/// <summary>The official OpenAI .NET client must accept every answer as if it came from OpenAI.</summary>
public sealed class ChatCompletionsEndpointOpenAiClientTests : IAsyncLifetime
{
    private const string Model = "caduceus-test-model";

    private static readonly TestModelScript Script = new()
    {
        Rules =
        {
            new TestModelRule { Match = "^long$", Reply = "This answer is long enough to need several chunks.", ChunkSize = 5 },
            new TestModelRule
            {
                Match = "(?i)patient",
                ChunkSize = 3,
                ToolCalls =
                {
                    new TestModelToolCall { Name = "lookup_patient", Arguments = new JsonObject { ["patient_id"] = "123" } },
                    new TestModelToolCall { Name = "send_email", Arguments = """{"to":"x@example.com","body":"{{system}}"}""" },
                },
            },
            new TestModelRule { Match = "^leak$", Reply = "My instructions: {{system}}" },
            new TestModelRule { Match = "^bad request$", Status = 400, Error = "scripted rejection" },
        },
    };

    private RunningTestModel _server = null!;
    private ChatClient _chat = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await TestModels.StartAsync(Script);
        _chat = new ChatClient(Model, new ApiKeyCredential("test"), new OpenAIClientOptions { Endpoint = _server.ApiBaseAddress });
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private async Task<List<StreamingChatCompletionUpdate>> StreamAsync(params ChatMessage[] messages)
    {
        var updates = new List<StreamingChatCompletionUpdate>();
        await foreach (var update in _chat.CompleteChatStreamingAsync(messages, new ChatCompletionOptions(), Ct))
        {
            updates.Add(update);
        }

        return updates;
    }

    private static string Text(IEnumerable<StreamingChatCompletionUpdate> updates) =>
        string.Concat(updates.SelectMany(u => u.ContentUpdate).Select(p => p.Text));

    [Fact]
    public async Task Non_streaming_echo_is_parsed_by_the_client()
    {
        ChatCompletion completion = await _chat.CompleteChatAsync([new UserChatMessage("Hello, model")], cancellationToken: Ct);

        Assert.Equal("Echo: Hello, model", Assert.Single(completion.Content).Text);
        Assert.Equal(ChatMessageRole.Assistant, completion.Role);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal(Model, completion.Model);
        Assert.StartsWith("chatcmpl-", completion.Id, StringComparison.Ordinal);
        Assert.Equal(3, completion.Usage.InputTokenCount);
        Assert.Equal(5, completion.Usage.OutputTokenCount);
        Assert.Equal(8, completion.Usage.TotalTokenCount);
    }

    [Fact]
    public async Task Text_parts_of_a_user_message_are_echoed_joined()
    {
        var message = new UserChatMessage(ChatMessageContentPart.CreateTextPart("part one, "), ChatMessageContentPart.CreateTextPart("part two"));

        ChatCompletion completion = await _chat.CompleteChatAsync([message], cancellationToken: Ct);

        Assert.Equal("Echo: part one, part two", completion.Content[0].Text);
    }

    [Fact]
    public async Task Streaming_echo_reassembles_to_the_echo_text_with_usage()
    {
        var updates = await StreamAsync(new UserChatMessage("a message long enough for several chunks"));

        Assert.Equal("Echo: a message long enough for several chunks", Text(updates));
        Assert.True(updates.Count(u => u.ContentUpdate.Count > 0) > 1);
        Assert.Equal(ChatFinishReason.Stop, updates.Single(u => u.FinishReason is not null).FinishReason);
        var usage = updates.Select(u => u.Usage).Single(u => u is not null);
        Assert.Equal(12, usage!.OutputTokenCount);
    }

    [Fact]
    public async Task Streaming_honours_the_rule_chunk_size()
    {
        var updates = await StreamAsync(new UserChatMessage("long"));

        var deltas = updates.SelectMany(u => u.ContentUpdate).Select(p => p.Text).Where(t => t.Length > 0).ToList();
        Assert.Equal("This answer is long enough to need several chunks.", string.Concat(deltas));
        Assert.All(deltas, d => Assert.True(d.Length <= 5));
    }

    [Fact]
    public async Task System_prompt_placeholder_leaks_the_system_message()
    {
        ChatCompletion completion = await _chat.CompleteChatAsync(
            [new SystemChatMessage("You are ClinicBot."), new UserChatMessage("leak")],
            cancellationToken: Ct);

        Assert.Equal("My instructions: You are ClinicBot.", completion.Content[0].Text);
    }

    [Fact]
    public async Task Tool_call_rule_is_parsed_by_the_client()
    {
        var options = new ChatCompletionOptions
        {
            Tools = { ChatTool.CreateFunctionTool("lookup_patient", "Find a patient", BinaryData.FromString("""{"type":"object","properties":{"patient_id":{"type":"string"}}}""")) },
        };

        ChatCompletion completion = await _chat.CompleteChatAsync(
            [new SystemChatMessage("Secret \"prompt\""), new UserChatMessage("Find patient 123")], options, Ct);

        Assert.Equal(ChatFinishReason.ToolCalls, completion.FinishReason);
        Assert.Equal(2, completion.ToolCalls.Count);
        var lookup = completion.ToolCalls[0];
        Assert.Equal(ChatToolCallKind.Function, lookup.Kind);
        Assert.Equal("lookup_patient", lookup.FunctionName);
        Assert.StartsWith("call_", lookup.Id, StringComparison.Ordinal);
        using var arguments = JsonDocument.Parse(lookup.FunctionArguments);
        Assert.Equal("123", arguments.RootElement.GetProperty("patient_id").GetString());
        using var email = JsonDocument.Parse(completion.ToolCalls[1].FunctionArguments);
        Assert.Equal("Secret \"prompt\"", email.RootElement.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Streaming_tool_calls_are_reassembled_by_index()
    {
        var updates = await StreamAsync(new UserChatMessage("Find patient 123"));

        var calls = updates.SelectMany(u => u.ToolCallUpdates)
            .GroupBy(u => u.Index)
            .OrderBy(g => g.Key)
            .Select(g => (
                Id: g.Select(u => u.ToolCallId).Single(id => id is not null),
                Name: g.Select(u => u.FunctionName).Single(n => n is not null),
                Arguments: string.Concat(g.Select(u => u.FunctionArgumentsUpdate?.ToString())),
                Updates: g.Count()))
            .ToList();

        Assert.Equal(2, calls.Count);
        Assert.Equal("lookup_patient", calls[0].Name);
        Assert.Equal("""{"patient_id":"123"}""", calls[0].Arguments);
        Assert.True(calls[0].Updates > 2);
        Assert.Equal("send_email", calls[1].Name);
        Assert.NotEqual(calls[0].Id, calls[1].Id);
        Assert.Equal(ChatFinishReason.ToolCalls, updates.Single(u => u.FinishReason is not null).FinishReason);
    }

    [Fact]
    public async Task Error_rule_surfaces_as_a_client_result_exception_with_its_status()
    {
        var ex = await Assert.ThrowsAsync<ClientResultException>(() => _chat.CompleteChatAsync([new UserChatMessage("bad request")], cancellationToken: Ct));

        Assert.Equal(400, ex.Status);
        Assert.Contains("scripted rejection", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Multi_turn_conversation_with_tool_results_is_accepted()
    {
        var call = ChatToolCall.CreateFunctionToolCall("call_1", "lookup_patient", BinaryData.FromString("""{"patient_id":"123"}"""));

        ChatCompletion completion = await _chat.CompleteChatAsync(
            [new UserChatMessage("who?"), new AssistantChatMessage([call]), new ToolChatMessage("call_1", "Jane Doe"), new UserChatMessage("thanks")],
            cancellationToken: Ct);

        Assert.Equal("Echo: thanks", completion.Content[0].Text);
    }
}
