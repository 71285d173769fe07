using System.CommandLine;
using System.Globalization;
using Caduceus.Detection.Injection.Learned;
using Caduceus.Evaluation.Data;
using Caduceus.Evaluation.Injection;

namespace Caduceus.Cli.Commands;

/// <summary>
/// <c>caduceus train injection</c>: trains the learned injection classifier on training parts and sets its decision
/// threshold on development parts (the best F1 whose false-positive rate stays within <c>--max-fpr</c>).
/// </summary>
internal static class TrainInjectionCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "A JSONL file of {\"text\", \"label\"} lines, as eval injection reads. Repeatable.", Arity = ArgumentArity.OneOrMore };
        var split = new Option<string[]>("--split") { Description = "Train on the documents this list names (e.g. eval/splits/injection/NAME.train.txt). Repeatable; a file no list names is used whole.", Arity = ArgumentArity.OneOrMore };
        var tune = new Option<string[]>("--tune-split") { Description = "Choose the decision threshold on the documents these lists name (e.g. NAME.dev.txt). Repeatable; without it the threshold stays 0.5.", Arity = ArgumentArity.OneOrMore };
        var maxFpr = new Option<string>("--max-fpr") { Description = "Highest false-positive rate on benign tuning texts the threshold may allow (default 0.02).", DefaultValueFactory = _ => "0.02" };
        var epochs = new Option<string>("--epochs") { Description = "Passes over the data (default 8).", DefaultValueFactory = _ => "8" };
        var output = new Option<string?>("--out") { Description = "Where to write the model (src/Caduceus.Detection/Injection/Learned/Model/injection-classifier.bin is the built-in one)." };
        var command = new Command("injection", "Train the learned injection classifier (logistic regression over hashed n-grams).") { data, split, tune, maxFpr, epochs, output };
        command.SetAction(parse => Run(
            parse.GetValue(data) ?? [],
            parse.GetValue(split) ?? [],
            parse.GetValue(tune) ?? [],
            parse.GetValue(maxFpr)!,
            parse.GetValue(epochs)!,
            parse.GetValue(output)));
        return command;
    }

    private static int Run(string[] dataFiles, string[] splitFiles, string[] tuneFiles, string maxFprText, string epochsText, string? output)
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

        List<InjectionDocument> training, tuning;
        try
        {
            training = InjectionDataSelection.Load(dataFiles, splitFiles);
            // Only what the tuning lists name: a file they do not name is training data, not tuning data.
            var tuneIds = tuneFiles.SelectMany(Caduceus.Evaluation.Splits.SplitFile.Read).ToHashSet(StringComparer.Ordinal);
            tuning = tuneFiles.Length == 0 ? [] : [.. InjectionDataSelection.Load(dataFiles, tuneFiles).Where(d => tuneIds.Contains(d.Id))];
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

        var model = InjectionClassifierTrainer.Train([.. training.Select(d => (d.Text, d.IsAttack))], new InjectionTrainingOptions { Epochs = epochs });
        var threshold = 0.5;
        if (tuning.Count > 0)
        {
            threshold = ChooseThreshold(model, tuning, maxFpr);
            model = model.WithDecisionThreshold(threshold);
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
                model.Write(file);
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"trained on {training.Count:N0} texts ({training.Count(d => d.IsAttack):N0} attacks); threshold {threshold:0.###} from {tuning.Count:N0} tuning texts; {model.NonZeroWeights:N0} weights; wrote {output} ({new FileInfo(output).Length:N0} bytes)"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return CommandErrors.Fail($"could not write {output}: {exception.Message}");
        }

        return ExitCodes.Success;
    }

    // The candidate thresholds are the tuning texts' own scores; among those within the false-positive budget, the best
    // F1 wins (ties: the higher threshold, fewer false alarms).
    private static double ChooseThreshold(InjectionClassifierModel model, List<InjectionDocument> tuning, double maxFpr)
    {
        var scores = tuning.Select(d => model.Score(d.Text)).ToArray();
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
