using System.CommandLine;
using System.Globalization;
using Caduceus.Detection.Injection.Embeddings;
using Caduceus.Detection.Injection.Learned;
using Caduceus.Evaluation.Data;
using Caduceus.Evaluation.Injection;

namespace Caduceus.Cli.Commands;

/// <summary>
/// <c>caduceus train injection</c>: trains the learned injection classifier (hashed n-grams, or with
/// <c>--embeddings</c> MiniLM sentence embeddings) on training parts and sets its decision threshold on development
/// parts (the best F1 whose false-positive rate stays within <c>--max-fpr</c>).
/// </summary>
internal static class TrainInjectionCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "A JSONL file of {\"text\", \"label\"} lines, as eval injection reads. Repeatable.", Arity = ArgumentArity.OneOrMore };
        var split = new Option<string[]>("--split") { Description = "Train on the documents this list names (e.g. eval/splits/injection/NAME.train.txt). Repeatable; a file no list names is used whole.", Arity = ArgumentArity.OneOrMore };
        var tune = new Option<string[]>("--tune-split") { Description = "Choose the decision threshold on the documents these lists name (e.g. NAME.dev.txt). Repeatable; without it the threshold stays 0.5.", Arity = ArgumentArity.OneOrMore };
        var test = new Option<string[]>("--test-split") { Description = "Held-out test lists (e.g. NAME.test.txt), not trained or tuned on: training refuses texts that also appear in them. Repeatable.", Arity = ArgumentArity.OneOrMore };
        var maxFpr = new Option<string>("--max-fpr") { Description = "Highest false-positive rate on benign tuning texts the threshold may allow (default 0.02).", DefaultValueFactory = _ => "0.02" };
        var epochs = new Option<string?>("--epochs") { Description = "Passes over the data (default 8, with --embeddings 10 per round)." };
        var embeddings = new Option<bool>("--embeddings") { Description = "Train the sentence-embedding classifier (MiniLM vectors of each segment, logistic regression) instead of the n-gram one." };
        var segmentLength = new Option<string>("--segment-length")
        {
            Description = "With --embeddings: join sentences into segments of about this many characters before embedding (default 320; 0 embeds each sentence alone, best for documents).",
            DefaultValueFactory = _ => "320",
        };
        var cache = new Option<string?>("--embedding-cache") { Description = "With --embeddings: keep the texts' vectors in this file (e.g. under /tmp) and reuse them on the next run." };
        var output = new Option<string?>("--out") { Description = "Where to write the model (the built-in ones are in src/Caduceus.Detection/Injection/Learned/Model/ and Injection/Embeddings/Model/)." };
        var command = new Command("injection", "Train the learned injection classifier (logistic regression over hashed n-grams or sentence embeddings).") { data, split, tune, test, maxFpr, epochs, embeddings, segmentLength, cache, output };
        command.SetAction(parse => Run(
            parse.GetValue(data) ?? [],
            parse.GetValue(split) ?? [],
            parse.GetValue(tune) ?? [],
            parse.GetValue(test) ?? [],
            parse.GetValue(maxFpr)!,
            parse.GetValue(epochs) ?? (parse.GetValue(embeddings) ? "10" : "8"),
            parse.GetValue(embeddings) ? new EmbeddingTraining(parse.GetValue(segmentLength)!, parse.GetValue(cache)) : null,
            parse.GetValue(output)));
        return command;
    }

    private sealed record EmbeddingTraining(string SegmentLength, string? CachePath);

    private static int Run(string[] dataFiles, string[] splitFiles, string[] tuneFiles, string[] testFiles, string maxFprText, string epochsText, EmbeddingTraining? embeddings, string? output)
    {
        if (dataFiles.Length == 0)
        {
            return CommandErrors.Fail("train injection needs --data FILE.jsonl.");
        }

        if (string.IsNullOrWhiteSpace(output))
        {
            return CommandErrors.Fail("train injection needs --out FILE.");
        }

        if (!double.TryParse(maxFprText, NumberStyles.Float, CultureInfo.InvariantCulture, out var maxFpr) || !(maxFpr >= 0 && maxFpr <= 1))
        {
            return CommandErrors.Fail($"--max-fpr takes a number from 0 to 1, not '{maxFprText}'.");
        }

        if (!int.TryParse(epochsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epochs) || epochs is < 1 or > 100)
        {
            return CommandErrors.Fail($"--epochs takes an integer from 1 to 100, not '{epochsText}'.");
        }

        var segmentLength = 0;
        if (embeddings is not null && (!int.TryParse(embeddings.SegmentLength, NumberStyles.Integer, CultureInfo.InvariantCulture, out segmentLength) || segmentLength is < 0 or > 4096))
        {
            return CommandErrors.Fail($"--segment-length takes an integer from 0 to 4096, not '{embeddings.SegmentLength}'.");
        }

        List<InjectionDocument> training, tuning, testing;
        try
        {
            training = InjectionDataSelection.Load(dataFiles, splitFiles);
            // Only what the tuning lists name: a file they do not name is training data, not tuning data.
            var tuneIds = tuneFiles.SelectMany(Caduceus.Evaluation.Splits.SplitFile.Read).ToHashSet(StringComparer.Ordinal);
            tuning = tuneFiles.Length == 0 ? [] : [.. InjectionDataSelection.Load(dataFiles, tuneFiles).Where(d => tuneIds.Contains(d.Id))];
            var testIds = testFiles.SelectMany(Caduceus.Evaluation.Splits.SplitFile.Read).ToHashSet(StringComparer.Ordinal);
            testing = testFiles.Length == 0 ? [] : [.. InjectionDataSelection.Load(dataFiles, testFiles).Where(d => testIds.Contains(d.Id))];
        }
        catch (DatasetFormatException exception)
        {
            return CommandErrors.Fail(exception.Message);
        }
        catch (IOException exception)
        {
            return CommandErrors.Fail("could not read the data: " + exception.Message);
        }

        if (tuning.Count > 0)
        {
            var trainingIds = training.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            if (tuning.Any(d => trainingIds.Contains(d.Id)))
            {
                return CommandErrors.Fail("the --tune-split documents overlap the training documents; tune on a separate part.");
            }
        }

        if (!training.Any(d => d.IsAttack) || training.All(d => d.IsAttack))
        {
            return CommandErrors.Fail("training needs both attacks and benign texts.");
        }

        if (TrainingDataHygiene.Check(training, [.. tuning, .. testing]) is not { } hygiene)
        {
            return ExitCodes.InvalidInput;
        }

        var trainingTexts = training.Select(d => (d.Text, d.IsAttack)).ToList();
        Action<Stream> write;
        string summary;
        double threshold;
        if (embeddings is null)
        {
            var model = InjectionClassifierTrainer.Train(trainingTexts, new InjectionTrainingOptions { Epochs = epochs });
            threshold = tuning.Count > 0 ? ChooseThreshold(tuning, [.. tuning.Select(d => model.Score(d.Text))], maxFpr) : 0.5;
            model = model.WithDecisionThreshold(threshold);
            write = model.Write;
            summary = string.Create(CultureInfo.InvariantCulture, $"{model.NonZeroWeights:N0} weights");
        }
        else
        {
            ChunkEmbeddings vectors;
            try
            {
                vectors = new ChunkEmbeddings(SentenceEncoder.Shared, embeddings.CachePath);
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException)
            {
                return CommandErrors.Fail("could not read the embedding cache: " + exception.Message);
            }

            var segments = EmbeddingClassifierTrainer.Segments(trainingTexts, segmentLength);
            var segmentVectors = vectors.Embed([.. segments.Select(s => s.Segment)], segmentLength);
            var model = EmbeddingClassifierTrainer.Train(segments, segmentVectors, segmentLength, new EmbeddingTrainingOptions { Epochs = epochs });
            var tuningVectors = vectors.Embed([.. tuning.Select(d => d.Text)], segmentLength);
            threshold = tuning.Count > 0 ? ChooseThreshold(tuning, [.. tuningVectors.Select(v => model.Score(v))], maxFpr) : 0.5;
            model = model.WithDecisionThreshold(threshold);
            write = model.Write;
            summary = string.Create(CultureInfo.InvariantCulture, $"{segmentVectors.Sum(v => v.Length):N0} chunk vectors from {segments.Count:N0} segments");
            try
            {
                vectors.Save();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return CommandErrors.Fail("could not write the embedding cache: " + exception.Message);
            }
        }

        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(output));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            using (var file = File.Create(output))
            {
                write(file);
            }

            var card = TrainingDataHygiene.WriteCard(output, dataFiles, splitFiles, tuneFiles, testFiles, training, tuning.Count, threshold, hygiene);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"trained on {training.Count:N0} texts ({training.Count(d => d.IsAttack):N0} attacks); threshold {threshold:0.###} from {tuning.Count:N0} tuning texts; {summary}; wrote {output} ({new FileInfo(output).Length:N0} bytes) and its card {card}"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return CommandErrors.Fail($"could not write {output}: {exception.Message}");
        }

        return ExitCodes.Success;
    }

    // The candidate thresholds are the tuning texts' own scores; among those within the false-positive budget, the best
    // F1 wins (ties: the higher threshold, fewer false alarms).
    private static double ChooseThreshold(List<InjectionDocument> tuning, double[] scores, double maxFpr)
    {
        var best = (F1: -1.0, Threshold: 0.5);
        foreach (var candidate in scores.Distinct().Order())
        {
            var report = InjectionEvaluator.Measure(tuning, scores, candidate);
            if (report.FalsePositiveRate <= maxFpr && report.F1 >= best.F1)
            {
                best = (report.F1, candidate);
            }
        }

        return Math.Clamp(best.Threshold, 1e-6, 1 - 1e-6);
    }
}
