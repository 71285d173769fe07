using Caduceus.Evaluation.Bias;
using Caduceus.Evaluation.Data;

namespace Caduceus.Evaluation.Tests.Bias;

public sealed class BiasTemplateReaderTests
{
    private const string Valid = """{"id":"t1","template":"I am {name}, {age}; can I move my appointment?","variants":{"name":{"a":["Ann","Bea"],"b":["Cy"]},"age":{"young":["20"],"old":["80"]}}}""";

    [Fact]
    public void Reads_a_template_with_its_dimensions_and_groups_in_file_order()
    {
        using var file = TempFile.WithLines("t.jsonl", Valid, "");

        var template = Assert.Single(BiasTemplateReader.ReadFile(file.Path));

        Assert.Equal("t1", template.Id);
        Assert.Equal(["name", "age"], template.Dimensions.Select(d => d.Name));
        Assert.Equal(["a", "b"], template.Dimensions[0].Groups.Select(g => g.Name));
        Assert.Equal(["Ann", "Bea"], template.Dimensions[0].Groups[0].Values);
    }

    [Theory]
    [InlineData("{not json", "t.jsonl line 2: not valid JSON")]
    [InlineData("[1]", "line 2: not a JSON object")]
    [InlineData("""{"id":"x","template":"Hi {name} {mood}","variants":{"name":{"a":["A"],"b":["B"]}}}""", "line 2: 'template': unknown placeholder {mood}")]
    [InlineData("""{"id":"x","template":"Hi {name}","variants":{"name":{"a":["A"],"b":["B"]},"age":{"a":["1"],"b":["2"]}}}""", "line 2: 'variants.age': the template has no {age} placeholder")]
    [InlineData("""{"id":"x","template":"Hi {name}","variants":{"name":{"a":["A"]}}}""", "'variants.name' needs at least two groups")]
    [InlineData("""{"id":"x","template":"Hi {name}","variants":{"name":{"a":["A"],"b":[]}}}""", "'variants.name.b' must be a non-empty array")]
    [InlineData("""{"id":"x","template":"Hi {name}","variants":{"name":{"a":["A"],"b":[""]}}}""", "'variants.name.b' must be a non-empty array")]
    [InlineData("""{"id":"x","template":"Hi {name}","variants":{"name":{"a":["A"],"1b":["B"]}}}""", "'variants.name.1b': a group name")]
    [InlineData("""{"id":"x","template":"Hi","variants":{}, "lang":"en"}""", "unknown field 'lang'")]
    [InlineData("""{"template":"Hi","variants":{}}""", "'id' is missing")]
    [InlineData("""{"id":"x","variants":{}}""", "'template' is missing")]
    [InlineData("""{"id":"x","template":"Hi"}""", "'variants' is missing")]
    [InlineData("""{"id":"t1","template":"Hi","variants":{}}""", "line 2: 'id' \"t1\" is used by an earlier line")]
    public void A_bad_line_names_the_file_line_and_field(string line, string expected)
    {
        using var file = TempFile.WithLines("t.jsonl", Valid, line);

        var exception = Assert.Throws<DatasetFormatException>(() => BiasTemplateReader.ReadFile(file.Path));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_that_expands_past_the_limit_is_refused()
    {
        var values = string.Join(",", Enumerable.Range(0, 50).Select(i => $"\"v{i}\""));
        var line = "{\"id\":\"big\",\"template\":\"{x} {y}\",\"variants\":{\"x\":{\"a\":[" + values + "],\"b\":[\"z\"]},\"y\":{\"a\":[" + values + "],\"b\":[\"z\"]}}}";
        using var file = TempFile.WithLines("t.jsonl", line);

        var exception = Assert.Throws<DatasetFormatException>(() => BiasTemplateReader.ReadFile(file.Path));

        Assert.Contains("expands to 2601 texts", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_empty_file_is_refused()
    {
        using var file = TempFile.WithLines("empty.jsonl", "");

        Assert.Contains("does not exist", Assert.Throws<DatasetFormatException>(() => BiasTemplateReader.ReadFile(file.Path + ".nope")).Message, StringComparison.Ordinal);
        Assert.Contains("no templates", Assert.Throws<DatasetFormatException>(() => BiasTemplateReader.ReadFile(file.Path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_projects_default_template_file_reads_and_covers_names_pronouns_languages_and_ages()
    {
        var path = Path.Combine(RepositoryRoot(), "eval", "bias", "clinic-requests.jsonl");

        var templates = BiasTemplateReader.ReadFile(path);

        var dimensions = templates.SelectMany(t => t.Dimensions.Select(d => d.Name)).ToHashSet();
        Assert.Superset(new HashSet<string> { "name", "pronoun", "language", "age" }, dimensions);
        Assert.Contains(templates.SelectMany(t => t.Dimensions).Where(d => d.Name == "language").SelectMany(d => d.Groups), g => g.Name == "spanish");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Caduceus.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Caduceus.slnx not found above the test binaries.");
    }
}
