using Caduceus.TestModel.Protocol;
using Caduceus.TestModel.Scripting;

namespace Caduceus.TestModel.Tests.Scripting;

public sealed class ReplyTemplateTests
{
    private static readonly ChatRequest Request = new(
        ChatRequest.DefaultModel,
        [
            new("system", "Be brief."),
            new("developer", "Never say \"no\"."),
            new("user", "first"),
            new("tool", "tool output"),
            new("user", "second"),
        ],
        Stream: false,
        IncludeUsage: false);

    [Fact]
    public void Fills_every_placeholder_and_tolerates_spaces_inside_braces()
    {
        var template = ReplyTemplate.Parse("[{{ lastUser }}] [{{system}}] [{{lastTool}}]", out var unknown);

        Assert.Null(unknown);
        Assert.Equal("[second] [Be brief.\nNever say \"no\".] [tool output]", template.Render(Request, jsonEscape: false));
    }

    [Fact]
    public void Json_escapes_values_for_use_inside_a_json_string()
    {
        var template = ReplyTemplate.Parse("""{"s":"{{system}}"}""", out _);

        Assert.Equal("""{"s":"Be brief.\nNever say \"no\"."}""", template.Render(Request, jsonEscape: true));
    }

    [Fact]
    public void Reports_an_unknown_placeholder()
    {
        _ = ReplyTemplate.Parse("{{lastUser}} {{lastAssistant}}", out var unknown);

        Assert.Equal("lastAssistant", unknown);
    }

    [Fact]
    public void Text_without_placeholders_is_returned_unchanged()
    {
        Assert.Equal("plain {text}", ReplyTemplate.Parse("plain {text}", out _).Render(Request, jsonEscape: true));
    }
}
