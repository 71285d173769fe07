using Caduceus.RedTeam.Attacks;
using Caduceus.RedTeam.Running;

namespace Caduceus.RedTeam.Tests.Attacks;

public sealed class AttackLibraryTests
{
    [Fact]
    public void Covers_every_category_with_unique_ids_named_after_it()
    {
        Assert.Equal(OwaspCategory.All, AttackLibrary.All.Select(a => a.Category).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(AttackLibrary.All.Count, AttackLibrary.All.Select(a => a.Id).Distinct().Count());
        Assert.All(AttackLibrary.All, a => Assert.StartsWith(a.Category.ToLowerInvariant() + "-", a.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Has_direct_and_indirect_injections_jailbreaks_and_spanish_versions()
    {
        var injections = AttackLibrary.All.Where(a => a.Category == OwaspCategory.PromptInjection).ToArray();

        Assert.Contains(injections, a => a.Delivery == Delivery.Document);
        Assert.Contains(injections, a => a.Delivery == Delivery.ToolResult);
        Assert.Contains(injections, a => a.Technique == "jailbreak");
        Assert.True(AttackLibrary.All.Count(a => a.Spanish is not null) >= 15);
    }

    [Fact]
    public void Every_attacker_url_attack_names_a_host_that_its_payload_contains()
    {
        Assert.All(AttackLibrary.All.Where(a => a.Evidence == Evidence.AttackerUrl), a =>
            Assert.Contains(a.AttackerHost!, a.Payload, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_tool_call_attack_offers_tools()
    {
        Assert.All(AttackLibrary.All.Where(a => a.Evidence == Evidence.ToolCall), a => Assert.NotEmpty(a.Tools));
    }

    [Fact]
    public void Mutators_multiply_the_library_several_times_over()
    {
        var cases = DrillCaseBuilder.Build(AttackLibrary.All, "system").ToArray();

        Assert.True(cases.Length >= AttackLibrary.All.Count * 5, $"{cases.Length} cases");
        Assert.Equal(cases.Length, cases.Select(c => c.Id).Distinct().Count());
    }
}
