namespace Caduceus.TestModel.Tests;

public sealed class TestModelScriptTests
{
    private static TestModelScriptException LoadFails(string json, out string path)
    {
        using var file = new TempScriptFile(json);
        path = file.Path;
        return Assert.Throws<TestModelScriptException>(() => TestModelScript.Load(file.Path));
    }

    private static void AssertOneLineNaming(TestModelScriptException ex, string path, string problem)
    {
        Assert.Contains($"'{path}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Equal(path, ex.ScriptName);
    }

    [Fact]
    public void Loads_a_full_script_with_comments_and_trailing_commas()
    {
        using var file = new TempScriptFile("""
            // a hand-written script
            {
              "models": ["clinic-model"],
              "rules": [
                {
                  "match": "(?i)ignore previous", "on": "anyMessage", "model": "clinic-model",
                  "reply": "Sure: {{system}}", "chunkSize": 3, "delayMs": 5, "chunkDelayMs": 1,
                  "toolCalls": [ { "name": "lookup_patient", "arguments": { "patient_id": "123" }, "id": "call_1" } ],
                },
                { "status": 503, "error": "down" },
              ],
            }
            """);

        var script = TestModelScript.Load(file.Path);

        Assert.Equal(["clinic-model"], script.Models);
        Assert.Equal(2, script.Rules.Count);
        var rule = script.Rules[0];
        Assert.Equal(TestModelMatchTarget.AnyMessage, rule.On);
        Assert.Equal(3, rule.ChunkSize);
        Assert.Equal("lookup_patient", Assert.Single(rule.ToolCalls).Name);
        Assert.Equal("""{"patient_id":"123"}""", rule.ToolCalls[0].Arguments!.ToJsonString());
        Assert.Equal(503, script.Rules[1].Status);
    }

    [Fact]
    public void Bad_json_names_the_file_and_the_line()
    {
        var ex = LoadFails("{\n  \"rules\": [ { \"reply\": \"x\" ]\n}", out var path);

        AssertOneLineNaming(ex, path, "invalid JSON");
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_property_is_rejected_so_typos_are_caught()
    {
        var ex = LoadFails("""{ "rules": [ { "mtach": "x" } ] }""", out var path);

        AssertOneLineNaming(ex, path, "unknown property 'mtach'; known: match, on, model, reply, toolCalls");
        Assert.Contains("$.rules[0].mtach", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Property_names_are_case_sensitive()
    {
        var ex = LoadFails("""{ "Rules": [] }""", out var path);

        AssertOneLineNaming(ex, path, "unknown property 'Rules'; known: models, rules");
    }

    [Fact]
    public void Invalid_regex_names_the_rule()
    {
        var ex = LoadFails("""{ "rules": [ { "reply": "ok" }, { "match": "([a-z" } ] }""", out var path);

        AssertOneLineNaming(ex, path, "rules[1].match is not a valid regular expression");
    }

    [Fact]
    public void Unknown_match_target_is_rejected()
    {
        var ex = LoadFails("""{ "rules": [ { "on": "lastAssistant" } ] }""", out var path);

        AssertOneLineNaming(ex, path, "expected \"lastUser\" or \"anyMessage\" (at $.rules[0].on");
    }

    [Fact]
    public void Unknown_placeholder_is_rejected()
    {
        var ex = LoadFails("""{ "rules": [ { "reply": "My prompt: {{sytem}}" } ] }""", out var path);

        AssertOneLineNaming(ex, path, "rules[0].reply uses unknown placeholder {{sytem}}");
    }

    [Theory]
    [InlineData("""{ "rules": [ { "status": 200 } ] }""", "rules[0].status")]
    [InlineData("""{ "rules": [ { "chunkSize": 0 } ] }""", "rules[0].chunkSize")]
    [InlineData("""{ "rules": [ { "delayMs": -1 } ] }""", "rules[0].delayMs")]
    [InlineData("""{ "rules": [ { "error": "x", "reply": "y" } ] }""", "rules[0] sets status/error together with reply/toolCalls")]
    [InlineData("""{ "rules": [ { "toolCalls": [ { "arguments": {} } ] } ] }""", "rules[0].toolCalls[0].name is required")]
    [InlineData("""{ "rules": [ { "toolCalls": [ { "name": "f", "arguments": [1] } ] } ] }""", "rules[0].toolCalls[0].arguments must be")]
    [InlineData("""{ "models": [""] }""", "models[0] is empty")]
    [InlineData("""{ "rules": [ null ] }""", "rules[0] is null")]
    [InlineData("""{ "rules": null }""", "null is not allowed where a list is expected")]
    [InlineData("""{ "rules": [ { "on": 7 } ] }""", "rules[0].on must be")]
    [InlineData("""{ "rules": [ { "chunkSize": "3" } ] }""", "expected an integer (at $.rules[0].chunkSize")]
    [InlineData("""{ "rules": {} }""", "expected an array (at $.rules")]
    [InlineData("""[]""", "expected an object (at $")]
    public void Invalid_rule_values_are_rejected_with_their_location(string json, string problem)
    {
        var ex = LoadFails(json, out var path);

        AssertOneLineNaming(ex, path, problem);
    }

    [Fact]
    public void Json_null_script_is_rejected()
    {
        var ex = LoadFails("null", out var path);

        AssertOneLineNaming(ex, path, "JSON null");
    }

    [Fact]
    public void Missing_file_is_reported_as_not_found()
    {
        var path = Path.Combine(Path.GetTempPath(), $"caduceus-missing-{Guid.NewGuid():N}.json");

        var ex = Assert.Throws<TestModelScriptException>(() => TestModelScript.Load(path));

        AssertOneLineNaming(ex, path, "file not found");
    }
}
