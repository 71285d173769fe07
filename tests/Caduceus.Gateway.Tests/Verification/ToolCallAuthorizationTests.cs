using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Caduceus.Events;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.TestModel;
using static Caduceus.Gateway.Tests.Verification.VerificationFixture;

namespace Caduceus.Gateway.Tests.Verification;

public sealed class ToolCallAuthorizationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> Tools = new()
    {
        ["Applications:default:Tools:get_appointments:Arguments:patient_id:CallerPatientId"] = "true",
        ["Applications:default:Tools:get_appointments:Arguments:day:Pattern"] = "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        ["Applications:default:Tools:clinic_hours:Arguments:site:Values:0"] = "main",
    };

    private static TestModelScript ToolScript()
    {
        var script = new TestModelScript();
        script.Rules.Add(Calls("^mine$", "get_appointments", new JsonObject { ["patient_id"] = MariaId, ["day"] = "2026-12-01" }));
        script.Rules.Add(Calls("^someone else$", "get_appointments", new JsonObject { ["patient_id"] = "pat-002", ["day"] = "2026-12-01" }));
        script.Rules.Add(Calls("^extra argument$", "get_appointments", new JsonObject { ["patient_id"] = MariaId, ["day"] = "2026-12-01", ["include_notes"] = true }));
        script.Rules.Add(Calls("^please delete it$", "delete_record", new JsonObject { ["patient_id"] = MariaId }));
        script.Rules.Add(Calls("^hours$", "clinic_hours", new JsonObject { ["site"] = "main" }));
        return script;
    }

    private static TestModelRule Calls(string match, string tool, JsonObject arguments)
    {
        var rule = new TestModelRule { Match = match, ChunkSize = 5 };
        rule.ToolCalls.Add(new TestModelToolCall { Name = tool, Arguments = arguments });
        return rule;
    }

    [Fact]
    public async Task Allowed_calls_with_the_callers_own_id_reach_the_application()
    {
        var (harness, codes) = await StartAsync(ToolScript(), Tools);
        await using var _h = harness;
        await VerifyAsMariaAsync(harness, codes, "call-t1", Cancel);

        using var response = await harness.Http.SendAsync(Chat("call-t1", "mine"), Cancel);

        response.EnsureSuccessStatusCode();
        var call = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["choices"]![0]!["message"]!["tool_calls"]![0]!["function"]!;
        Assert.Equal("get_appointments", call["name"]!.GetValue<string>());
        Assert.Equal(MariaId, JsonNode.Parse(call["arguments"]!.GetValue<string>())!["patient_id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("someone else")]
    [InlineData("extra argument")]
    [InlineData("please delete it")]
    public async Task Calls_off_the_allow_list_or_for_another_patient_are_refused(string prompt)
    {
        var (harness, codes) = await StartAsync(ToolScript(), Tools);
        await using var _h = harness;
        await VerifyAsMariaAsync(harness, codes, "call-t2", Cancel);

        using var response = await harness.Http.SendAsync(Chat("call-t2", prompt), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("tool_call_refused", await ErrorCodeAsync(response, Cancel));
        Assert.Contains(harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.ToolCallRefused);
    }

    [Fact]
    public async Task The_callers_id_rule_refuses_an_unverified_caller()
    {
        var (harness, _) = await StartAsync(ToolScript(), Tools);
        await using var _h = harness;

        using var response = await harness.Http.SendAsync(Chat("call-t3", "mine"), Cancel);

        Assert.Equal("tool_call_refused", await ErrorCodeAsync(response, Cancel));
    }

    [Fact]
    public async Task Streamed_tool_calls_are_held_back_until_whole_then_checked()
    {
        var (harness, codes) = await StartAsync(ToolScript(), Tools);
        await using var _h = harness;
        await VerifyAsMariaAsync(harness, codes, "call-t4", Cancel);

        using var allowed = await harness.Http.SendAsync(Chat("call-t4", "hours", stream: true), Cancel);
        var allowedEvents = await allowed.Content.ReadAsStringAsync(Cancel);
        using var refused = await harness.Http.SendAsync(Chat("call-t4", "someone else", stream: true), Cancel);
        var refusedEvents = await refused.Content.ReadAsStringAsync(Cancel);

        var toolDeltas = allowedEvents.Split('\n').Where(l => l.Contains("tool_calls", StringComparison.Ordinal) && l.Contains("\"function\"", StringComparison.Ordinal)).ToList();
        var whole = Assert.Single(toolDeltas);
        Assert.Contains("clinic_hours", whole, StringComparison.Ordinal);
        Assert.Contains("[DONE]", allowedEvents, StringComparison.Ordinal);
        Assert.Contains("tool_call_refused", refusedEvents, StringComparison.Ordinal);
        Assert.DoesNotContain("pat-002", refusedEvents, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_allow_list_every_tool_call_is_refused()
    {
        var (harness, codes) = await StartAsync(ToolScript());
        await using var _h = harness;
        await VerifyAsMariaAsync(harness, codes, "call-t5", Cancel);

        using var response = await harness.Http.SendAsync(Chat("call-t5", "hours"), Cancel);

        Assert.Equal("tool_call_refused", await ErrorCodeAsync(response, Cancel));
    }
}
