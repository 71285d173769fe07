using System.CommandLine;
using System.Globalization;
using Caduceus.Detection.Phi.Learned;
using Caduceus.Evaluation.Data;

namespace Caduceus.Cli.Commands;

/// <summary>
/// <c>caduceus train</c>: trains the project's own detection models from labelled data. Train only on development
/// parts (the <c>*.dev.txt</c> split lists): the test parts are for the figures in docs/evaluation.md.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train a detection model on labelled data.");
        command.Subcommands.Add(CreatePhi());
        command.Subcommands.Add(TrainInjectionCommand.Create());
        return command;
    }

    private static Command CreatePhi()
    {
        var data = new Option<string[]>("--data")
        {
            Description = "A JSONL file of {\"text\", \"spans\", \"source\"} lines, as eval phi reads. Repeatable.",
            Arity = ArgumentArity.OneOrMore,
        };
        var split = new Option<string[]>("--split")
        {
            Description = "Train only on the documents this list names, in the file(s) it names (e.g. eval/splits/phi/NAME.dev.txt). Repeatable; a file no list names is used whole.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--out") { Description = "Where to write the model (src/Caduceus.Detection/Phi/Learned/Model/phi-tagger.bin is the built-in one)." };
        var epochs = new Option<string>("--epochs") { Description = "Passes over the data (default 10).", DefaultValueFactory = _ => "10" };
        var seed = new Option<string>("--seed") { Description = "Seed of the visiting order; the same data and seed give the same model.", DefaultValueFactory = _ => "20261128" };
        var recallBias = new Option<string>("--recall-bias")
        {
            Description = "Added to every PHI label's score before it is compared with 'not PHI'; above 0 trades precision for recall (default 0).",
            DefaultValueFactory = _ => "0",
        };
        var command = new Command("phi", "Train the learned PHI tagger (an averaged perceptron over word features).") { data, split, output, epochs, seed, recallBias };
        command.SetAction(parse => RunPhi(
            parse.GetValue(data) ?? [],
            parse.GetValue(split) ?? [],
            parse.GetValue(output),
            parse.GetValue(epochs)!,
            parse.GetValue(seed)!,
            parse.GetValue(recallBias)!));
        return command;
    }

    private static int RunPhi(string[] dataFiles, string[] splitFiles, string? output, string epochsText, string seedText, string recallBiasText)
    {
        if (dataFiles.Length == 0)
        {
            return CommandErrors.Fail("train phi needs --data FILE.jsonl.");
        }

        if (string.IsNullOrWhiteSpace(output))
        {
            return CommandErrors.Fail("train phi needs --out FILE.");
        }

        if (!int.TryParse(epochsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epochs) || epochs is < 1 or > 100)
        {
            return CommandErrors.Fail($"--epochs takes an integer from 1 to 100, not '{epochsText}'.");
        }

        if (!ulong.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
        {
            return CommandErrors.Fail($"--seed takes a non-negative integer, not '{seedText}'.");
        }

        if (!float.TryParse(recallBiasText, NumberStyles.Float, CultureInfo.InvariantCulture, out var recallBias) || !float.IsFinite(recallBias))
        {
            return CommandErrors.Fail($"--recall-bias takes a number, not '{recallBiasText}'.");
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

        if (!documents.Any(d => d.Spans.Count > 0))
        {
            return CommandErrors.Fail("the data marks no identifier: there is nothing to learn.");
        }

        var texts = documents
            .Select(d => new LabelledText(d.Text, [.. d.Spans.Select(s => new LabelledSpan(s.Start, s.End, s.Type))]))
            .ToList();
        var options = new PhiTaggerTrainingOptions { Epochs = epochs, Seed = seed, RecallBias = recallBias };
        var model = PhiTaggerTrainer.Train(texts, options, (epoch, accuracy) =>
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}/{epochs}: {accuracy:P2} of words labelled right")));

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
                $"trained on {documents.Count:N0} documents; {model.FeatureCount:N0} features, {model.Labels.Count - 1} PHI labels; wrote {output} ({new FileInfo(output).Length:N0} bytes)"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return CommandErrors.Fail($"could not write {output}: {exception.Message}");
        }

        return ExitCodes.Success;
    }
}
