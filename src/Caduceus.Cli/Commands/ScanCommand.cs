using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Caduceus.Detection;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Hosting;
using Caduceus.Policy;
using Spectre.Console;

namespace Caduceus.Cli.Commands;

/// <summary><c>caduceus scan</c>: runs the detectors over a text and lists what they found (never the values).</summary>
internal static class ScanCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command Create()
    {
        var text = new Argument<string?>("text") { Description = "The text to scan, or '-' to read standard input.", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<FileInfo?>("--file") { Description = "Scan the contents of this file." };
        var json = new Option<bool>("--json") { Description = "Print the findings as one JSON object." };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when findings of these categories are present: injection, phi (comma separated)." };
        var app = new Option<string>("--app")
        {
            Description = "The application whose request policy says what would happen to each finding.",
            DefaultValueFactory = _ => GatewayOptions.DefaultApplicationName,
        };
        var command = new Command("scan", "Run the detectors over a text and print their findings.") { text, file, json, failOn, app };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!TryParseCategories(parse.GetValue(failOn), out var failCategories, out var error))
            {
                return CommandErrors.Fail(error);
            }

            var application = TextCommandInput.Application(parse.GetValue(CaduceusCommand.ConfigOption), parse.GetValue(app)!, out error);
            if (application is null)
            {
                return CommandErrors.Fail(error);
            }

            var policy = application.Policy.Request;

            var input = await TextCommandInput.ReadAsync(parse.GetValue(text), parse.GetValue(file), cancellationToken);
            if (input.Error is not null)
            {
                return CommandErrors.Fail(input.Error);
            }

            var findings = TextAnalyzer.CreateDefault().Without(application.Detection.Disabled).Analyze(new DetectionInput(input.Text!, TextSource.User));
            if (parse.GetValue(json))
            {
                PrintJson(findings, policy);
            }
            else
            {
                PrintTable(findings, policy);
            }

            return findings.Any(f => failCategories.Contains(f.Category)) ? ExitCodes.FindingsFailed : ExitCodes.Success;
        });
        return command;
    }

    private static bool TryParseCategories(string? value, out HashSet<FindingCategory> categories, out string error)
    {
        categories = [];
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        foreach (var name in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (name.ToLowerInvariant())
            {
                case "injection":
                    categories.Add(FindingCategory.Injection);
                    break;
                case "phi":
                    categories.Add(FindingCategory.Phi);
                    break;
                default:
                    error = $"--fail-on takes injection and phi, not '{name}'.";
                    return false;
            }
        }

        return true;
    }

    private static void PrintJson(IReadOnlyList<Finding> findings, DirectionPolicy policy)
    {
        var rows = findings.Select(f => new
        {
            Type = f.EntityType,
            Category = f.Category.ToString().ToLowerInvariant(),
            f.Start,
            f.End,
            Score = Math.Round(f.Score, 4),
            f.Detector,
            f.Explanation,
            Action = policy.ActionFor(f).ToString().ToLowerInvariant(),
        });
        Console.WriteLine(JsonSerializer.Serialize(new { Findings = rows }, JsonOptions));
    }

    private static void PrintTable(IReadOnlyList<Finding> findings, DirectionPolicy policy)
    {
        if (findings.Count == 0)
        {
            AnsiConsole.MarkupLine("[green]No findings.[/]");
            return;
        }

        var table = new Table().AddColumns("Type", "Span", "Score", "Action", "Detector", "Why");
        foreach (var finding in findings)
        {
            table.AddRow(
                Markup.Escape(finding.EntityType),
                $"{finding.Start}..{finding.End}",
                finding.Score.ToString("0.00", CultureInfo.InvariantCulture),
                policy.ActionFor(finding).ToString(),
                Markup.Escape(finding.Detector),
                Markup.Escape(finding.Explanation));
        }

        if (Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns without a terminal; let the table keep its natural width in files and pipes.
            AnsiConsole.Profile.Width = 240;
        }

        AnsiConsole.Write(table);
    }
}
