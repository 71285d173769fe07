using Caduceus.Detection.Anonymization;

namespace Caduceus.Detection.Tests.Anonymization;

public sealed class PseudonymTableTests
{
    [Fact]
    public void Numbers_tokens_per_entity_type()
    {
        var table = new PseudonymTable();

        Assert.Equal("<NAME_1>", table.GetOrIssue(EntityTypes.Name, "Jane Roe"));
        Assert.Equal("<SSN_1>", table.GetOrIssue(EntityTypes.Ssn, "536-22-1843"));
        Assert.Equal("<NAME_2>", table.GetOrIssue(EntityTypes.Name, "John Doe"));
        Assert.Equal("<HEALTH_PLAN_ID_1>", table.GetOrIssue(EntityTypes.HealthPlanId, "1EG4-TE5-MK73"));
    }

    [Fact]
    public void Gives_the_same_value_the_same_token_in_any_spelling()
    {
        var table = new PseudonymTable();
        var token = table.GetOrIssue(EntityTypes.Ssn, "536-22-1843");

        Assert.Equal(token, table.GetOrIssue(EntityTypes.Ssn, "536 22 1843"));
        Assert.Equal("<NAME_1>", table.GetOrIssue(EntityTypes.Name, "Jane Roe"));
        Assert.Equal("<NAME_1>", table.GetOrIssue(EntityTypes.Name, "JANE  ROE"));
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void Restores_the_spelling_first_seen()
    {
        var table = new PseudonymTable();
        table.GetOrIssue(EntityTypes.Phone, "(415) 234-5678");
        table.GetOrIssue(EntityTypes.Phone, "415.234.5678");

        Assert.True(table.TryGetValue("<PHONE_1>", out var value));
        Assert.Equal("(415) 234-5678", value);
    }

    [Fact]
    public void Keeps_types_apart()
    {
        var table = new PseudonymTable();

        Assert.Equal("<MRN_1>", table.GetOrIssue(EntityTypes.Mrn, "123456789"));
        Assert.Equal("<SSN_1>", table.GetOrIssue(EntityTypes.Ssn, "123456789"));
    }

    [Fact]
    public void Knows_only_the_tokens_it_issued()
    {
        var table = new PseudonymTable();
        table.GetOrIssue(EntityTypes.Name, "Jane Roe");

        Assert.False(table.TryGetValue("<NAME_2>", out _));
        Assert.False(table.TryGetValue("<SSN_1>", out _));
        Assert.False(table.TryGetValue("NAME_1", out _));
    }

    [Fact]
    public void Continues_numbering_after_loaded_entries()
    {
        var table = new PseudonymTable([new PseudonymEntry("<NAME_3>", EntityTypes.Name, "Jane Roe"), new PseudonymEntry("<NAME_1>", EntityTypes.Name, "John Doe")]);

        Assert.Equal("<NAME_3>", table.GetOrIssue(EntityTypes.Name, "jane roe"));
        Assert.Equal("<NAME_4>", table.GetOrIssue(EntityTypes.Name, "Ann Lee"));
        Assert.Equal("<SSN_1>", table.GetOrIssue(EntityTypes.Ssn, "536-22-1843"));
    }

    [Fact]
    public void Lists_only_what_it_issued_itself_as_new()
    {
        var table = new PseudonymTable([new PseudonymEntry("<NAME_1>", EntityTypes.Name, "John Doe")]);
        table.GetOrIssue(EntityTypes.Name, "John Doe");
        table.GetOrIssue(EntityTypes.Name, "Ann Lee");

        var issued = Assert.Single(table.Issued);
        Assert.Equal(new PseudonymEntry("<NAME_2>", EntityTypes.Name, "Ann Lee"), issued);
        Assert.Equal(2, table.Entries().Count);
    }

    [Theory]
    [InlineData("<NAME_0>", EntityTypes.Name)]
    [InlineData("<NAME_01>", EntityTypes.Name)]
    [InlineData("<NAME_1>", EntityTypes.Ssn)]
    [InlineData("NAME_1", EntityTypes.Name)]
    [InlineData("<name_1>", "name")]
    public void Rejects_malformed_loaded_entries(string token, string type)
    {
        Assert.Throws<ArgumentException>(() => new PseudonymTable([new PseudonymEntry(token, type, "x")]));
    }

    [Fact]
    public void Rejects_loaded_entries_that_share_a_token_or_a_value()
    {
        Assert.Throws<ArgumentException>(() => new PseudonymTable([new("<NAME_1>", EntityTypes.Name, "a"), new("<NAME_1>", EntityTypes.Name, "b")]));
        Assert.Throws<ArgumentException>(() => new PseudonymTable([new("<NAME_1>", EntityTypes.Name, "a"), new("<NAME_2>", EntityTypes.Name, "A")]));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("NAME_")]
    [InlineData("NAME1")]
    [InlineData("")]
    public void Rejects_entity_types_that_cannot_stand_in_a_token(string type)
    {
        Assert.Throws<ArgumentException>(() => new PseudonymTable().GetOrIssue(type, "x"));
    }

    [Fact]
    public void Never_shows_values_as_text()
    {
        var table = new PseudonymTable();
        table.GetOrIssue(EntityTypes.Ssn, "536-22-1843");

        Assert.DoesNotContain("536", table.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("536", table.Entries()[0].ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("536", new AnonymizationScope("c", table).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Issues_distinct_tokens_under_concurrent_use()
    {
        var table = new PseudonymTable();

        Parallel.For(0, 200, i => table.GetOrIssue(EntityTypes.Mrn, "MRN" + (i % 100)));

        Assert.Equal(100, table.Count);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => $"<MRN_{i}>").Order(), table.Entries().Select(e => e.Token).Order());
    }
}
