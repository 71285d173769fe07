using System.Text.Json;

namespace Caduceus.Cli.Tests.Commands;

public sealed class TrainCommandTests : IDisposable
{
    private const string SsnLine = """{"text": "the SSN is 536-22-1843 today", "spans": [{"start": 11, "end": 22, "type": "SSN"}], "source": "t:ssn"}""";
    private const string EmptyLine = """{"text": "BP 120/80, take 1/2 tab", "spans": [], "source": "t:none"}""";

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("caduceus-train-cli-");

    public void Dispose() => _work.Delete(recursive: true);

    private string WorkDir => _work.FullName;

    private string PathOf(string name) => Path.Combine(WorkDir, name);

    private string Write(string name, params string[] lines)
    {
        var path = PathOf(name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private async Task<string> CorpusAsync(string name, int count)
    {
        var path = PathOf(name);
        var (exit, _, stderr) = await CliProcess.RunAsync(WorkDir, null, "corpus", "phi", "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "5", "--out", path);
        Assert.True(exit == 0, stderr);
        return path;
    }

    [Fact]
    public async Task Trains_the_same_model_twice_and_eval_phi_can_use_it()
    {
        var data = await CorpusAsync("train.jsonl", 40);

        var (exit, stdout, stderr) = await CliProcess.RunAsync(WorkDir, null, "train", "phi", "--data", data, "--epochs", "3", "--out", PathOf("m1.bin"));
        var (exit2, _, _) = await CliProcess.RunAsync(WorkDir, null, "train", "phi", "--data", data, "--epochs", "3", "--out", PathOf("m2.bin"));

        Assert.Equal(0, exit);
        Assert.Equal(0, exit2);
        Assert.Contains("trained on 40 documents", stdout, StringComparison.Ordinal);
        Assert.Contains("epoch 3/3", stderr, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(PathOf("m1.bin")), File.ReadAllBytes(PathOf("m2.bin")));

        var (evalExit, evalOut, evalErr) = await CliProcess.RunAsync(WorkDir, null, "eval", "phi", "--data", data, "--tagger-model", PathOf("m1.bin"), "--json");
        Assert.True(evalExit == 0, evalErr);
        var result = JsonDocument.Parse(evalOut.TrimEnd().Split('\n')[^1]).RootElement;
        Assert.True(result.GetProperty("recall").GetDouble() > 0.9);
    }

    [Fact]
    public async Task A_split_list_restricts_only_its_own_file()
    {
        var listed = Write("listed.jsonl", SsnLine, EmptyLine);
        var whole = Write("whole.jsonl", SsnLine.Replace("t:ssn", "w:ssn", StringComparison.Ordinal), EmptyLine.Replace("t:none", "w:none", StringComparison.Ordinal));
        var split = Write("listed.dev.txt", "# dev", "t:ssn");

        var (exit, stdout, stderr) = await CliProcess.RunAsync(WorkDir, null, "train", "phi", "--data", listed, "--data", whole, "--split", split, "--epochs", "1", "--out", PathOf("m.bin"));

        Assert.True(exit == 0, stderr);
        Assert.Contains("trained on 3 documents", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-data")]
    [InlineData("no-out")]
    [InlineData("bad-epochs")]
    [InlineData("bad-bias")]
    [InlineData("no-spans")]
    [InlineData("eval-bad-model")]
    public async Task Bad_input_exits_2_with_one_line_naming_the_problem(string problem)
    {
        var good = Write("good.jsonl", SsnLine, EmptyLine);
        var (args, expected) = problem switch
        {
            "no-data" => (new[] { "train", "phi", "--out", PathOf("m.bin") }, "needs --data"),
            "no-out" => (["train", "phi", "--data", good], "needs --out"),
            "bad-epochs" => (["train", "phi", "--data", good, "--out", PathOf("m.bin"), "--epochs", "0"], "--epochs takes an integer from 1 to 100"),
            "bad-bias" => (["train", "phi", "--data", good, "--out", PathOf("m.bin"), "--recall-bias", "lots"], "--recall-bias takes a number"),
            "no-spans" => (["train", "phi", "--data", Write("empty.jsonl", EmptyLine), "--out", PathOf("m.bin")], "marks no identifier"),
            "eval-bad-model" => (["eval", "phi", "--data", good, "--tagger-model", Write("model.bin", "not a model")], "could not read the tagger model"),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var (exit, stdout, stderr) = await CliProcess.RunAsync(WorkDir, null, args);

        Assert.Equal(2, exit);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("caduceus: ", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("m.bin")));
    }

    [Fact]
    public async Task Train_phi_has_help()
    {
        var (exit, stdout, _) = await CliProcess.RunAsync(WorkDir, null, "train", "phi", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--recall-bias", stdout, StringComparison.Ordinal);
    }
}
