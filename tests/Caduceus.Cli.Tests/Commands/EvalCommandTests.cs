using System.Text.Json;

namespace Caduceus.Cli.Tests.Commands;

public sealed class EvalCommandTests : IDisposable
{
    // Each "🙂" is one code point but two UTF-16 units: the SSN spans code points 16-27, UTF-16 indices 22-33. Read as
    // UTF-16 indices, the offsets would cover ", SSN 536-2" instead and the SSN recall would drop below 1.
    private const string SsnLine = """{"text": "🙂🙂🙂🙂🙂🙂 the, SSN 536-22-1843", "spans": [{"start": 16, "end": 27, "type": "SSN"}], "source": "t:ssn"}""";
    // A gold span no detector can find (made up for the test), so the expected recall does not depend on detector quality.
    private const string NameLine = """{"text": "Seen by the blue door on Tuesday", "spans": [{"start": 12, "end": 21, "type": "OTHER_ID"}], "source": "t:name"}""";
    private const string EmptyLine = """{"text": "BP 120/80, take 1/2 tab", "spans": [], "source": "t:none"}""";

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("caduceus-eval-cli-");

    public void Dispose() => _work.Delete(recursive: true);

    private string WorkDir => _work.FullName;

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(WorkDir, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private static JsonElement LastJsonLine(string stdout) =>
        JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]).RootElement;

    [Fact]
    public async Task Json_output_ends_with_one_object_of_rates_counts_and_per_type_results()
    {
        var data = Write("gold.jsonl", SsnLine, NameLine, EmptyLine);

        var (exit, stdout, stderr) = await CliProcess.RunAsync(WorkDir, null, "eval", "phi", "--data", data, "--json");

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        var result = LastJsonLine(stdout);
        Assert.Equal(3, result.GetProperty("documents").GetInt32());
        Assert.Equal(5, result.GetProperty("gold_tokens").GetInt32()); // 536, 22, 1843, blue, door
        Assert.Equal(0.6, result.GetProperty("recall").GetDouble());
        Assert.Equal(1.0, result.GetProperty("precision").GetDouble());
        Assert.Equal(0.75, result.GetProperty("f1").GetDouble());
        Assert.True(result.GetProperty("tokens").GetInt32() > 10);
        var perType = result.GetProperty("per_type");
        Assert.Equal(1.0, perType.GetProperty("SSN").GetProperty("recall").GetDouble());
        Assert.Equal(3, perType.GetProperty("SSN").GetProperty("support").GetInt32());
        Assert.Equal(0.0, perType.GetProperty("OTHER_ID").GetProperty("recall").GetDouble());
        Assert.Equal(2, perType.GetProperty("OTHER_ID").GetProperty("support").GetInt32());
        Assert.DoesNotContain("536", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prints_a_table_per_type_for_people()
    {
        var data = Write("gold.jsonl", SsnLine, NameLine);

        var (exit, stdout, _) = await CliProcess.RunAsync(WorkDir, null, "eval", "phi", "--data", data);

        Assert.Equal(0, exit);
        Assert.Contains("SSN", stdout, StringComparison.Ordinal);
        Assert.Contains("OTHER_ID", stdout, StringComparison.Ordinal);
        Assert.Contains("all types", stdout, StringComparison.Ordinal);
        Assert.Contains("Recall", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("blue door", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("1843", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Findings_below_min_score_do_not_count()
    {
        // A bare phone pattern without a context word scores 0.65: counted at the default 0.5, not at 0.9.
        var data = Write("gold.jsonl", """{"text": "Later: 415-555-0132 ok", "spans": [{"start": 7, "end": 19, "type": "PHONE"}]}""");

        var (exitDefault, stdoutDefault, _) = await CliProcess.RunAsync(WorkDir, null, "eval", "phi", "--data", data, "--json");
        var (exitStrict, stdoutStrict, _) = await CliProcess.RunAsync(WorkDir, null, "eval", "phi", "--data", data, "--json", "--min-score", "0.9");

        Assert.Equal((0, 0), (exitDefault, exitStrict));
        Assert.Equal(1.0, LastJsonLine(stdoutDefault).GetProperty("recall").GetDouble());
        Assert.Equal(0.0, LastJsonLine(stdoutStrict).GetProperty("recall").GetDouble());
        Assert.Equal(0.9, LastJsonLine(stdoutStrict).GetProperty("min_score").GetDouble());
    }

    [Fact]
    public async Task Split_lists_are_deterministic_disjoint_and_restrict_the_evaluation()
    {
        var lines = Enumerable.Range(0, 40).Select(i => $$"""{"text": "Call 555-234-{{1000 + i}} now", "spans": [{"start": 5, "end": 17, "type": "PHONE"}], "source": "t:{{i}}"}""").ToArray();
        var data = Write("calls.jsonl", lines);
        var first = Path.Combine(WorkDir, "first");
        var second = Path.Combine(WorkDir, "second");

        var (exit1, stdout1, _) = await CliProcess.RunAsync(WorkDir, null, "eval", "split", "--data", data, "--seed", "20261128", "--dev", "0.25", "--out", first);
        var (exit2, _, _) = await CliProcess.RunAsync(WorkDir, null, "eval", "split", "--data", data, "--seed", "20261128", "--dev", "0.25", "--out", second);
        var (exit3, stdout3, _) = await CliProcess.RunAsync(WorkDir, null, "eval", "phi", "--data", data, "--split", Path.Combine(first, "calls.test.txt"), "--json");

        Assert.Equal((0, 0, 0), (exit1, exit2, exit3));
        Assert.Contains("10 dev ids", stdout1, StringComparison.Ordinal);
        var dev = ReadIds(Path.Combine(first, "calls.dev.txt"));
        var test = ReadIds(Path.Combine(first, "calls.test.txt"));
        Assert.Equal(File.ReadAllText(Path.Combine(first, "calls.dev.txt")), File.ReadAllText(Path.Combine(second, "calls.dev.txt")));
        Assert.Equal(File.ReadAllText(Path.Combine(first, "calls.test.txt")), File.ReadAllText(Path.Combine(second, "calls.test.txt")));
        Assert.Equal(10, dev.Count);
        Assert.Equal(30, test.Count);
        Assert.Empty(dev.Intersect(test));
        Assert.Equal(30, LastJsonLine(stdout3).GetProperty("documents").GetInt32());
    }

    [Fact]
    public async Task Corpus_phi_writes_a_deterministic_file_that_eval_phi_reads()
    {
        var first = Path.Combine(WorkDir, "corpus", "a.jsonl");
        var second = Path.Combine(WorkDir, "corpus", "b.jsonl");

        var (exit1, stdout1, _) = await CliProcess.RunAsync(WorkDir, null, "corpus", "phi", "--count", "25", "--seed", "3", "--out", first);
        var (exit2, _, _) = await CliProcess.RunAsync(WorkDir, null, "corpus", "phi", "--count", "25", "--seed", "3", "--out", second);
        var (exit3, stdout3, _) = await CliProcess.RunAsync(WorkDir, null, "eval", "phi", "--data", first, "--json");

        Assert.Equal((0, 0, 0), (exit1, exit2, exit3));
        Assert.Contains("Wrote 25 documents", stdout1, StringComparison.Ordinal);
        Assert.Equal(25, File.ReadAllLines(first).Length);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.Equal(25, LastJsonLine(stdout3).GetProperty("documents").GetInt32());
    }

    [Theory]
    [InlineData("missing-file")]
    [InlineData("bad-json")]
    [InlineData("out-of-range")]
    [InlineData("unknown-type")]
    [InlineData("no-data")]
    [InlineData("bad-min-score")]
    [InlineData("split-of-other-data")]
    [InlineData("split-bad-fraction")]
    [InlineData("corpus-bad-count")]
    [InlineData("corpus-no-out")]
    public async Task Bad_input_exits_2_with_one_line_naming_the_problem(string problem)
    {
        var good = Write("good.jsonl", SsnLine, NameLine);
        var (args, expected) = problem switch
        {
            "missing-file" => (new[] { "eval", "phi", "--data", Path.Combine(WorkDir, "nope.jsonl") }, "nope.jsonl: the file does not exist"),
            "bad-json" => (["eval", "phi", "--data", Write("bad.jsonl", SsnLine, "{\"text\": \"x\", ")], "bad.jsonl line 2: not valid JSON"),
            "out-of-range" => (["eval", "phi", "--data", Write("range.jsonl", NameLine, EmptyLine, """{"text": "short", "spans": [{"start": 2, "end": 9, "type": "NAME"}]}""")], "range.jsonl line 3: span 1 (start 2, end 9) is out of range"),
            "unknown-type" => (["eval", "phi", "--data", Write("type.jsonl", """{"text": "Ana", "spans": [{"start": 0, "end": 3, "type": "PERSON"}]}""")], "type.jsonl line 1: span 1 has type 'PERSON'"),
            "no-data" => (["eval", "phi"], "needs --data"),
            "bad-min-score" => (["eval", "phi", "--data", good, "--min-score", "high"], "--min-score takes a number"),
            "split-of-other-data" => (["eval", "phi", "--data", good, "--split", Write("other.test.txt", "# header", "t:ssn", "elsewhere:1")], "other.test.txt: 1 listed id(s) are not in the --data files"),
            "split-bad-fraction" => (["eval", "split", "--data", good, "--dev", "1.5", "--out", WorkDir], "--dev takes a fraction"),
            "corpus-bad-count" => (["corpus", "phi", "--count", "-3", "--out", Path.Combine(WorkDir, "c.jsonl")], "--count takes a positive integer"),
            "corpus-no-out" => (["corpus", "phi", "--count", "3"], "needs --out"),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var (exit, stdout, stderr) = await CliProcess.RunAsync(WorkDir, null, args);

        Assert.Equal(2, exit);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("caduceus: ", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eval", "phi")]
    [InlineData("eval", "split")]
    [InlineData("corpus", "phi")]
    public async Task Every_verb_has_help(string verb, string subverb)
    {
        var (exit, stdout, _) = await CliProcess.RunAsync(WorkDir, null, verb, subverb, "--help");

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
    }

    private static List<string> ReadIds(string path) => [.. File.ReadAllLines(path).Where(l => l.Length > 0 && l[0] != '#')];
}
