using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Caduceus.Detection;
using Caduceus.Detection.Injection.Embeddings;
using Caduceus.Detection.Injection.Learned;
using Caduceus.Detection.Phi.Learned;
using Caduceus.Evaluation.Data;
using Caduceus.Evaluation.Injection;
using Caduceus.Evaluation.Metrics;
using Spectre.Console;

namespace Caduceus.Cli.Commands;

/// <summary>
/// <c>caduceus eval injection</c> (precision, recall, F1, false-positive rate and ROC AUC of the injection detectors
/// on labelled texts) and <c>caduceus eval split-injection</c> (seeded train/dev/test lists). Never prints a text.
/// </summary>
internal static class EvalInjectionCommand
{
    private const int ProgressThreshold = 200;

    public static Command CreateEval()
    {
        var data = new Option<string[]>("--data")
        {
            Description = "A JSONL file of {\"text\", \"label\": \"benign\"|\"injection\"|\"jailbreak\"} lines. Repeatable.",
            Arity = ArgumentArity.OneOrMore,
        };
        var split = new Option<string[]>("--split")
        {
            Description = "Evaluate only the documents this list names, in the file(s) it names (e.g. eval/splits/injection/NAME.test.txt). Repeatable.",
            Arity = ArgumentArity.OneOrMore,
        };
        var threshold = new Option<string>("--threshold") { Description = "Flag texts scored at least this (default 0.5, the default policy threshold).", DefaultValueFactory = _ => "0.5" };
        var source = new Option<string>("--source") { Description = "Inspect the texts as this chat role: user (default) or tool (documents and tool results).", DefaultValueFactory = _ => "user" };
        var json = new Option<bool>("--json") { Description = "Print the results as one JSON object on the last line." };
        var plot = new Option<string?>("--plot") { Description = "Write the ROC curve to this PNG file." };
        var model = new Option<string?>("--injection-model") { Description = "Use this injection classifier model (from train injection) instead of the built-in one for the chosen --source." };
        var embeddings = new Option<string>("--embeddings")
        {
            Description = "Add the sentence-embedding layer: off (default), on (every text) or cascade (only texts the n-gram classifier scores in the --cascade band).",
            DefaultValueFactory = _ => "off",
        };
        var cascade = new Option<string>("--cascade") { Description = "LOW,HIGH: the n-gram probabilities for which --embeddings cascade embeds a text (default 0.02,0.5).", DefaultValueFactory = _ => "0.02,0.5" };
        var embeddingModel = new Option<string?>("--embedding-model") { Description = "Use this embedding classifier model (from train injection --embeddings) instead of the built-in one for the chosen --source." };
        var command = new Command("injection", "Precision, recall, F1, false-positive rate and ROC AUC of the injection detectors on labelled texts.") { data, split, threshold, source, json, plot, model, embeddings, cascade, embeddingModel };
        command.SetAction(parse => Run(
            parse.GetValue(data) ?? [],
            parse.GetValue(split) ?? [],
            parse.GetValue(threshold)!,
            parse.GetValue(source)!,
            parse.GetValue(json),
            parse.GetValue(plot),
            parse.GetValue(model),
            new EmbeddingLayer(parse.GetValue(embeddings)!, parse.GetValue(cascade)!, parse.GetValue(embeddingModel))));
        return command;
    }

    private sealed record EmbeddingLayer(string Mode, string Band, string? ModelPath);

    public static Command CreateSplit()
    {
        var data = new Option<string[]>("--data") { Description = "A JSONL injection data file to split. Repeatable: one set of lists per file.", Arity = ArgumentArity.OneOrMore };
        var seed = new Option<string>("--seed") { Description = "Seed of the shuffle; the same seed gives the same split.", DefaultValueFactory = _ => EvalCommand.DefaultSplitSeed.ToString(CultureInfo.InvariantCulture) };
        var train = new Option<string>("--train") { Description = "Fraction for training (default 0.6).", DefaultValueFactory = _ => "0.6" };
        var dev = new Option<string>("--dev") { Description = "Fraction for development (default 0.2); the test part takes the rest.", DefaultValueFactory = _ => "0.2" };
        var output = new Option<string>("--out") { Description = "Directory for NAME.train.txt, NAME.dev.txt and NAME.test.txt.", DefaultValueFactory = _ => Path.Combine("eval", "splits", "injection") };
        var command = new Command("split-injection", "Write train, dev and test lists of document ids for injection data files (stratified by label, deterministic for a seed).") { data, seed, train, dev, output };
        command.SetAction(parse => RunSplit(parse.GetValue(data) ?? [], parse.GetValue(seed)!, parse.GetValue(train)!, parse.GetValue(dev)!, parse.GetValue(output)!));
        return command;
    }

    private static int Run(string[] dataFiles, string[] splitFiles, string thresholdText, string sourceText, bool json, string? plot, string? modelPath, EmbeddingLayer embeddingLayer)
    {
        if (dataFiles.Length == 0)
        {
            return CommandErrors.Fail("eval injection needs --data FILE.jsonl.");
        }

        if (!double.TryParse(thresholdText, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) || !(threshold >= 0 && threshold <= 1))
        {
            return CommandErrors.Fail($"--threshold takes a number from 0 to 1, not '{thresholdText}'.");
        }

        TextSource source;
        switch (sourceText.ToLowerInvariant())
        {
            case "user":
                source = TextSource.User;
                break;
            case "tool":
                source = TextSource.Tool;
                break;
            default:
                return CommandErrors.Fail($"--source takes user or tool, not '{sourceText}'.");
        }

        List<InjectionDocument> documents;
        try
        {
            documents = InjectionDataSelection.Load(dataFiles, splitFiles);
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
            analyzer = modelPath is null
                ? TextAnalyzer.CreateDefault()
                : TextAnalyzer.CreateDefault(PhiTaggerModel.Default, source == TextSource.Tool
                    ? new InjectionClassifier(InjectionClassifierModel.Direct, ReadModel(modelPath))
                    : new InjectionClassifier(ReadModel(modelPath), InjectionClassifierModel.Indirect));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return CommandErrors.Fail($"could not read the injection model {modelPath}: {exception.Message}");
        }

        if (CreateEmbeddingLayer(embeddingLayer, source, out var embeddingDetector) is { } embeddingError)
        {
            return CommandErrors.Fail(embeddingError);
        }

        if (embeddingDetector is not null)
        {
            analyzer = analyzer.With(embeddingDetector);
        }

        double Score(InjectionDocument document) => analyzer.Analyze(new DetectionInput(document.Text, source))
            .Where(f => f.Category == FindingCategory.Injection)
            .Select(f => f.Score)
            .DefaultIfEmpty(0)
            .Max();

        var clock = Stopwatch.StartNew();
        // The embedding layer is slow and single-threaded per text: score texts on every core.
        var parallel = embeddingDetector is not null;
        InjectionEvaluationReport report;
        try
        {
            report = ShowsProgress(documents.Count)
                ? EvaluateWithProgress(documents, Score, threshold, parallel)
                : InjectionEvaluator.Evaluate(documents, Score, threshold, parallel: parallel);
        }
        catch (DetectionFailedException exception)
        {
            return CommandErrors.Fail(exception.Message);
        }

        clock.Stop();

        if (plot is not null)
        {
            try
            {
                RocPlot.Write(report, plot);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return CommandErrors.Fail($"could not write {plot}: {exception.Message}");
            }
        }

        if (json)
        {
            Console.WriteLine(InjectionReportJson.Serialize(report));
        }
        else
        {
            PrintTable(report, dataFiles, splitFiles, clock.Elapsed);
        }

        return ExitCodes.Success;
    }

    // Null when the layer is set up (or off); otherwise what is wrong with the options.
    private static string? CreateEmbeddingLayer(EmbeddingLayer layer, TextSource source, out InjectionEmbeddingClassifier? detector)
    {
        detector = null;
        var mode = layer.Mode.ToLowerInvariant();
        if (mode is not ("off" or "on" or "cascade"))
        {
            return $"--embeddings takes off, on or cascade, not '{layer.Mode}'.";
        }

        if (mode == "off")
        {
            return layer.ModelPath is null ? null : "--embedding-model needs --embeddings on or cascade.";
        }

        EmbeddingCascade? cascade = null;
        if (mode == "cascade")
        {
            var parts = layer.Band.Split(',');
            if (parts.Length != 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var high)
                || !(low >= 0 && low <= high && high <= 1))
            {
                return $"--cascade takes LOW,HIGH with 0 <= LOW <= HIGH <= 1, not '{layer.Band}'.";
            }

            cascade = new EmbeddingCascade(low, high);
        }

        try
        {
            var direct = EmbeddingClassifierModel.Direct;
            var indirect = EmbeddingClassifierModel.Indirect;
            if (layer.ModelPath is not null)
            {
                using var file = File.OpenRead(layer.ModelPath);
                var trained = EmbeddingClassifierModel.Read(file);
                (direct, indirect) = source == TextSource.Tool ? (direct, trained) : (trained, indirect);
            }

            detector = new InjectionEmbeddingClassifier(direct, indirect, () => SentenceEncoder.Shared, cascade);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return $"could not read the embedding model {layer.ModelPath}: {exception.Message}";
        }
    }

    private static InjectionClassifierModel ReadModel(string path)
    {
        using var file = File.OpenRead(path);
        return InjectionClassifierModel.Read(file);
    }

    private static bool ShowsProgress(int documents) =>
        documents >= ProgressThreshold && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    private static InjectionEvaluationReport EvaluateWithProgress(List<InjectionDocument> documents, Func<InjectionDocument, double> score, double threshold, bool parallel)
    {
        InjectionEvaluationReport? report = null;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Evaluating", maxValue: documents.Count);
                report = InjectionEvaluator.Evaluate(documents, score, threshold, done => task.Value = done, parallel);
            });
        return report!;
    }

    private static void PrintTable(InjectionEvaluationReport report, string[] dataFiles, string[] splitFiles, TimeSpan elapsed)
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 200;
        }

        var what = string.Join(", ", dataFiles.Select(Path.GetFileName));
        if (splitFiles.Length > 0)
        {
            what += " restricted to " + string.Join(", ", splitFiles.Select(Path.GetFileName));
        }

        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{what}: {report.Documents:N0} texts; flagged when scored >= {report.Threshold:0.##}; {elapsed.TotalSeconds:0.00} s")));
        var summary = new Table().AddColumn("Precision").AddColumn("Recall").AddColumn("F1").AddColumn("False-positive rate").AddColumn("ROC AUC");
        summary.AddRow(Rate(report.Precision), Rate(report.Recall), Rate(report.F1), Rate(report.FalsePositiveRate), double.IsNaN(report.Auc) ? "-" : Rate(report.Auc));
        AnsiConsole.Write(summary);

        var confusion = new Table().AddColumn(string.Empty).AddColumn("flagged").AddColumn("passed");
        confusion.AddRow("attack", Count(report.TruePositives), Count(report.FalseNegatives));
        confusion.AddRow("benign", Count(report.FalsePositives), Count(report.TrueNegatives));
        AnsiConsole.Write(confusion);

        var perLabel = new Table().AddColumn("Label").AddColumn(new TableColumn("Texts").RightAligned()).AddColumn(new TableColumn("Flagged").RightAligned()).AddColumn(new TableColumn("Rate").RightAligned());
        foreach (var (label, counts) in report.PerLabel)
        {
            perLabel.AddRow(label, Count(counts.Count), Count(counts.Flagged), Rate(counts.FlaggedRate));
        }

        AnsiConsole.Write(perLabel);
        AnsiConsole.MarkupLine("Attack labels' rate is their recall; benign's rate is the false-positive rate.");
    }

    private static int RunSplit(string[] dataFiles, string seedText, string trainText, string devText, string outputDirectory)
    {
        if (dataFiles.Length == 0)
        {
            return CommandErrors.Fail("eval split-injection needs --data FILE.jsonl.");
        }

        if (!long.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
        {
            return CommandErrors.Fail($"--seed takes an integer, not '{seedText}'.");
        }

        if (!double.TryParse(trainText, NumberStyles.Float, CultureInfo.InvariantCulture, out var train) || !double.TryParse(devText, NumberStyles.Float, CultureInfo.InvariantCulture, out var dev)
            || !(train >= 0 && dev >= 0 && train + dev <= 1))
        {
            return CommandErrors.Fail($"--train and --dev take fractions that sum to at most 1, not '{trainText}' and '{devText}'.");
        }

        try
        {
            foreach (var dataFile in dataFiles)
            {
                var split = InjectionSplit.Create(InjectionDatasetReader.ReadFile(dataFile), seed, train, dev);
                InjectionSplitFile.Write(split, dataFile, outputDirectory, seed);
                Console.WriteLine($"{Path.GetFileName(dataFile)}: {split.Train.Count} train, {split.Dev.Count} dev, {split.Test.Count} test ids -> {outputDirectory}");
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

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Rate(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
