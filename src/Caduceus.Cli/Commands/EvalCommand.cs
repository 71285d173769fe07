using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Caduceus.Detection;
using Caduceus.Detection.Phi.Learned;
using Caduceus.Evaluation.Data;
using Caduceus.Evaluation.Metrics;
using Caduceus.Evaluation.Splits;
using Spectre.Console;

namespace Caduceus.Cli.Commands;

/// <summary>
/// <c>caduceus eval</c>: measures the detectors on labelled data (<c>eval phi</c>) and cuts data files into a
/// development and a test part (<c>eval split</c>). Never prints a document's text or a matched value.
/// </summary>
internal static class EvalCommand
{
    /// <summary>The seed the committed split lists were made with.</summary>
    public const long DefaultSplitSeed = 20261128;

    // Above this many documents a terminal gets a progress bar.
    private const int ProgressThreshold = 500;

    public static Command Create()
    {
        var command = new Command("eval", "Measure the detectors on labelled data, and manage the data's splits.");
        command.Subcommands.Add(CreatePhi());
        command.Subcommands.Add(CreateSplit());
        command.Subcommands.Add(EvalInjectionCommand.CreateEval());
        command.Subcommands.Add(EvalInjectionCommand.CreateSplit());
        return command;
    }

    private static Command CreatePhi()
    {
        var data = new Option<string[]>("--data")
        {
            Description = "A JSONL file of {\"text\", \"spans\": [{\"start\", \"end\", \"type\"}], \"source\"} lines (offsets in code points). Repeatable.",
            Arity = ArgumentArity.OneOrMore,
        };
        var split = new Option<string[]>("--split")
        {
            Description = "Evaluate only the documents listed in this split file (e.g. eval/splits/phi/NAME.test.txt). Repeatable.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print the results as one JSON object on the last line." };
        var minScore = new Option<string>("--min-score")
        {
            Description = "Ignore findings scored below this (default 0.5, the default policy threshold).",
            DefaultValueFactory = _ => "0.5",
        };
        var tagger = new Option<string?>("--tagger-model") { Description = "Use this PHI tagger model (from train phi) instead of the built-in one." };
        var command = new Command("phi", "Token-level recall, precision and F1 of the PHI detectors on labelled data.") { data, split, json, minScore, tagger };
        command.SetAction(parse => RunPhi(parse.GetValue(data) ?? [], parse.GetValue(split) ?? [], parse.GetValue(json), parse.GetValue(minScore)!, parse.GetValue(tagger)));
        return command;
    }

    private static Command CreateSplit()
    {
        var data = new Option<string[]>("--data") { Description = "A JSONL data file to split. Repeatable: one pair of lists per file.", Arity = ArgumentArity.OneOrMore };
        var seed = new Option<string>("--seed") { Description = "Seed of the shuffle; the same seed gives the same split.", DefaultValueFactory = _ => DefaultSplitSeed.ToString(CultureInfo.InvariantCulture) };
        var dev = new Option<string>("--dev") { Description = "Fraction of documents in the development part (default 0.5).", DefaultValueFactory = _ => "0.5" };
        var output = new Option<string>("--out") { Description = "Directory for NAME.dev.txt and NAME.test.txt.", DefaultValueFactory = _ => Path.Combine("eval", "splits", "phi") };
        var command = new Command("split", "Write development and test lists of document ids for data files (stratified by entity type, deterministic for a seed).") { data, seed, dev, output };
        command.SetAction(parse => RunSplit(parse.GetValue(data) ?? [], parse.GetValue(seed)!, parse.GetValue(dev)!, parse.GetValue(output)!));
        return command;
    }

    private static int RunPhi(string[] dataFiles, string[] splitFiles, bool json, string minScoreText, string? taggerModel)
    {
        if (dataFiles.Length == 0)
        {
            return CommandErrors.Fail("eval phi needs --data FILE.jsonl.");
        }

        if (!double.TryParse(minScoreText, NumberStyles.Float, CultureInfo.InvariantCulture, out var minScore) || !(minScore >= 0 && minScore <= 1))
        {
            return CommandErrors.Fail($"--min-score takes a number from 0 to 1, not '{minScoreText}'.");
        }

        List<PhiDocument> documents;
        try
        {
            documents = PhiDataSelection.Load(dataFiles, splitFiles);
        }
        catch (DatasetFormatException exception)
        {
            return CommandErrors.Fail(exception.Message);
        }
        catch (IOException exception)
        {
            return CommandErrors.Fail("could not read the data: " + exception.Message);
        }

        if (documents.Count == 0)
        {
            return CommandErrors.Fail("no documents to evaluate.");
        }

        TextAnalyzer analyzer;
        try
        {
            analyzer = taggerModel is null ? TextAnalyzer.CreateDefault() : TextAnalyzer.CreateDefault(ReadTaggerModel(taggerModel));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return CommandErrors.Fail($"could not read the tagger model {taggerModel}: {exception.Message}");
        }

        var clock = Stopwatch.StartNew();
        PhiEvaluationReport report;
        try
        {
            report = ShowsProgress(documents.Count)
                ? EvaluateWithProgress(documents, analyzer, minScore)
                : PhiEvaluator.Evaluate(documents, analyzer, minScore);
        }
        catch (DetectionFailedException exception)
        {
            return CommandErrors.Fail(exception.Message);
        }

        clock.Stop();
        if (json)
        {
            Console.WriteLine(PhiReportJson.Serialize(report));
        }
        else
        {
            PrintTable(report, dataFiles, splitFiles, clock.Elapsed);
        }

        return ExitCodes.Success;
    }

    private static PhiTaggerModel ReadTaggerModel(string path)
    {
        using var file = File.OpenRead(path);
        return PhiTaggerModel.Read(file);
    }

    private static bool ShowsProgress(int documents) =>
        documents >= ProgressThreshold && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    private static PhiEvaluationReport EvaluateWithProgress(List<PhiDocument> documents, ITextAnalyzer analyzer, double minScore)
    {
        PhiEvaluationReport? report = null;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Evaluating", maxValue: documents.Count);
                report = PhiEvaluator.Evaluate(documents, analyzer, minScore, done => task.Value = done);
            });
        return report!;
    }

    private static void PrintTable(PhiEvaluationReport report, string[] dataFiles, string[] splitFiles, TimeSpan elapsed)
    {
        if (Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns without a terminal; let the table keep its natural width in files and pipes.
            AnsiConsole.Profile.Width = 240;
        }

        var what = string.Join(", ", dataFiles.Select(Path.GetFileName));
        if (splitFiles.Length > 0)
        {
            what += " restricted to " + string.Join(", ", splitFiles.Select(Path.GetFileName));
        }

        AnsiConsole.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: {report.Documents:N0} documents, {report.Characters:N0} characters, {report.Tokens:N0} tokens; findings scored >= {report.MinimumScore:0.##} count; {elapsed.TotalSeconds:0.00} s")));

        var table = new Table()
            .AddColumn("Type")
            .AddColumn(new TableColumn("Gold tokens").RightAligned())
            .AddColumn(new TableColumn("Found").RightAligned())
            .AddColumn(new TableColumn("Recall").RightAligned())
            .AddColumn(new TableColumn("Predicted").RightAligned())
            .AddColumn(new TableColumn("Correct").RightAligned())
            .AddColumn(new TableColumn("Precision").RightAligned())
            .AddColumn(new TableColumn("F1").RightAligned());
        foreach (var type in EntityTypes.Phi.Concat(report.PerType.Keys.Except(EntityTypes.Phi)))
        {
            if (report.PerType.TryGetValue(type, out var counts))
            {
                AddRow(table, Markup.Escape(type), counts);
            }
        }

        table.AddEmptyRow();
        AddRow(table, "[bold]all types[/]", report.Overall);
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"Per type: recall counts gold tokens of the type found by a finding of any type; precision counts predicted tokens of the type that are gold PHI of any type. '-' = nothing to divide by.")));
    }

    private static void AddRow(Table table, string label, TokenCounts counts) => table.AddRow(
        label,
        Count(counts.Gold),
        Count(counts.Found),
        counts.Gold == 0 ? "-" : Rate(counts.Recall),
        Count(counts.Predicted),
        Count(counts.Correct),
        counts.Predicted == 0 ? "-" : Rate(counts.Precision),
        counts.Gold == 0 && counts.Predicted == 0 ? "-" : Rate(counts.F1));

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Rate(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static int RunSplit(string[] dataFiles, string seedText, string devText, string outputDirectory)
    {
        if (dataFiles.Length == 0)
        {
            return CommandErrors.Fail("eval split needs --data FILE.jsonl.");
        }

        if (!long.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
        {
            return CommandErrors.Fail($"--seed takes an integer, not '{seedText}'.");
        }

        if (!double.TryParse(devText, NumberStyles.Float, CultureInfo.InvariantCulture, out var devFraction) || !(devFraction >= 0 && devFraction <= 1))
        {
            return CommandErrors.Fail($"--dev takes a fraction from 0 to 1, not '{devText}'.");
        }

        try
        {
            foreach (var dataFile in dataFiles)
            {
                var documents = PhiDatasetReader.ReadFile(dataFile);
                var split = DatasetSplit.Create(documents, seed, devFraction);
                var (devPath, testPath) = SplitFile.Write(split, dataFile, outputDirectory, seed, devFraction);
                Console.WriteLine($"{Path.GetFileName(dataFile)}: {split.Dev.Count} dev ids -> {devPath}, {split.Test.Count} test ids -> {testPath}");
            }
        }
        catch (DatasetFormatException exception)
        {
            return CommandErrors.Fail(exception.Message);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return CommandErrors.Fail("could not write the split: " + exception.Message);
        }

        return ExitCodes.Success;
    }
}
