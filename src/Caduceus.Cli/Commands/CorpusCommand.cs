using System.CommandLine;
using System.Globalization;
using Caduceus.Detection;
using Caduceus.Evaluation.Corpus;
using Caduceus.Evaluation.Data;

namespace Caduceus.Cli.Commands;

/// <summary><c>caduceus corpus</c>: writes synthetic labelled data for developing and testing the detectors.</summary>
internal static class CorpusCommand
{
    public static Command Create()
    {
        var command = new Command("corpus", "Generate synthetic labelled data.");
        command.Subcommands.Add(CreatePhi());
        return command;
    }

    private static Command CreatePhi()
    {
        var count = new Option<string>("--count") { Description = "Number of documents (default 2000).", DefaultValueFactory = _ => "2000" };
        var seed = new Option<string>("--seed") { Description = "Seed; the same seed, count and vocabulary give the same file.", DefaultValueFactory = _ => "1" };
        var output = new Option<string?>("--out") { Description = "The JSONL file to write (same format as eval phi reads)." };
        var vocabulary = new Option<string>("--vocabulary")
        {
            Description = "Which half of the name and place lists to draw from: all, dev (even entries) or test (odd entries).",
            DefaultValueFactory = _ => "all",
        };
        var command = new Command("phi", "Write synthetic clinical notes, fax covers, portal messages and call transcripts with gold PHI spans.") { count, seed, output, vocabulary };
        command.SetAction(parse => Run(parse.GetValue(count)!, parse.GetValue(seed)!, parse.GetValue(output), parse.GetValue(vocabulary)!));
        return command;
    }

    private static int Run(string countText, string seedText, string? output, string vocabularyText)
    {
        if (!int.TryParse(countText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            return CommandErrors.Fail($"--count takes a positive integer, not '{countText}'.");
        }

        if (!long.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
        {
            return CommandErrors.Fail($"--seed takes an integer, not '{seedText}'.");
        }

        if (!Enum.TryParse<CorpusVocabulary>(vocabularyText, ignoreCase: true, out var vocabulary) || !Enum.IsDefined(vocabulary))
        {
            return CommandErrors.Fail($"--vocabulary takes all, dev or test, not '{vocabularyText}'.");
        }

        if (string.IsNullOrWhiteSpace(output))
        {
            return CommandErrors.Fail("corpus phi needs --out FILE.jsonl.");
        }

        var spansPerType = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(output));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            using var stream = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            foreach (var generated in ClinicalCorpusGenerator.Generate(count, seed, vocabulary))
            {
                PhiDatasetWriter.WriteLine(stream, generated.Document, generated.Kind);
                foreach (var span in generated.Document.Spans)
                {
                    spansPerType[span.Type] = spansPerType.GetValueOrDefault(span.Type) + 1;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return CommandErrors.Fail("could not write the corpus: " + exception.Message);
        }

        var counts = string.Join(", ", EntityTypes.Phi.Where(spansPerType.ContainsKey).Select(t => $"{t} {spansPerType[t]}"));
        Console.WriteLine($"Wrote {count} documents ({spansPerType.Values.Sum()} spans: {counts}) to {output}");
        return ExitCodes.Success;
    }
}
