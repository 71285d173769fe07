using System.Text.Json;
using Caduceus.RedTeam.Scorecards;

namespace Caduceus.RedTeam.Tests.Scorecards;

public sealed class ScorecardRenderingTests
{
    private static readonly Scorecard Raw = Card("http://127.0.0.1:1/v1/", new CategoryScore(10, 1), new BenignScore(50, 0, []));

    private static readonly Scorecard Guarded = Card("http://127.0.0.1:2/v1/", new CategoryScore(10, 10), new BenignScore(50, 1, ["benign-28"]));

    [Fact]
    public void Json_has_categories_by_owasp_id_and_benign_totals()
    {
        using var json = JsonDocument.Parse(ScorecardJson.Serialize(Guarded));
        var root = json.RootElement;

        Assert.Equal(10, root.GetProperty("categories").GetProperty("LLM01").GetProperty("attempts").GetInt32());
        Assert.Equal(10, root.GetProperty("categories").GetProperty("LLM01").GetProperty("stopped").GetInt32());
        Assert.Equal(50, root.GetProperty("benign").GetProperty("total").GetInt32());
        Assert.Equal(1, root.GetProperty("benign").GetProperty("refused").GetInt32());
        Assert.False(root.TryGetProperty("compare", out _));
    }

    [Fact]
    public void Json_of_a_comparison_puts_the_second_target_under_compare()
    {
        using var json = JsonDocument.Parse(ScorecardJson.Serialize(Raw, Guarded));

        Assert.Equal(1, json.RootElement.GetProperty("categories").GetProperty("LLM01").GetProperty("stopped").GetInt32());
        Assert.Equal(10, json.RootElement.GetProperty("compare").GetProperty("categories").GetProperty("LLM01").GetProperty("stopped").GetInt32());
    }

    [Fact]
    public void Html_is_self_contained_with_an_inline_bar_per_target_and_category()
    {
        var html = ScorecardHtml.Render(Raw, Guarded);

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<rect").Length - 1);
        Assert.Contains("10%", html, StringComparison.Ordinal);
        Assert.Contains("100%", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Html_encodes_what_it_shows()
    {
        var card = Card("http://x/<b>", new CategoryScore(1, 0), new BenignScore(1, 0, [])) with
        {
            Attacks = [new AttackResult("llm01-<i>", "LLM01", "original", false, "succeeded: <tool call>", 200, 5)],
        };

        var html = ScorecardHtml.Render(card);

        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;tool call&gt;", html, StringComparison.Ordinal);
    }

    private static Scorecard Card(string target, CategoryScore score, BenignScore benign) =>
        new(target, DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(3), new Dictionary<string, CategoryScore> { ["LLM01"] = score }, benign, []);
}
