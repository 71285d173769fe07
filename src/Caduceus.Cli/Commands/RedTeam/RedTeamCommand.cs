using System.CommandLine;
using Caduceus.RedTeam.Attacks;
using Caduceus.RedTeam.Running;
using Caduceus.RedTeam.Scorecards;

namespace Caduceus.Cli.Commands.RedTeam;

/// <summary>
/// <c>caduceus redteam --target URL</c>: runs the attack library (and benign clinic traffic) against an
/// OpenAI-compatible endpoint, judges every attack, prints the pass rate per OWASP category, and writes JSON and
/// HTML scorecards. <c>--compare URL</c> drills a second target with the same requests, side by side.
/// </summary>
internal static class RedTeamCommand
{
    private const int MaxConcurrency = 32;

    public static Command Create()
    {
        var target = new Option<string>("--target") { Description = "The OpenAI-compatible base URL to drill, e.g. http://127.0.0.1:8080/v1 (the gateway) or a model directly.", Required = true };
        var key = new Option<string?>("--key") { Description = "API key for --target, sent as a bearer token." };
        var suite = new Option<string[]>("--suite")
        {
            Description = $"Which attacks: {string.Join(", ", DrillSuites.Names)}, or OWASP ids (LLM01...). Repeatable or comma-separated; default: all.",
            Arity = ArgumentArity.OneOrMore,
        };
        var compare = new Option<string?>("--compare") { Description = "A second base URL drilled with the same requests (e.g. the raw model behind --target)." };
        var compareKey = new Option<string?>("--compare-key") { Description = "API key for --compare." };
        var model = new Option<string?>("--model") { Description = $"Model name to request (default {DrillTarget.DefaultModel})." };
        var json = new Option<FileInfo?>("--json") { Description = "Write the scorecard as JSON to this file." };
        var html = new Option<FileInfo?>("--html") { Description = "Write a self-contained HTML report (bar chart of pass rate per category) to this file." };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once (1-32).", DefaultValueFactory = _ => DrillRunner.DefaultConcurrency };
        var command = new Command("redteam", "Run red-team drills (OWASP Top 10 for LLM Applications 2025) against an OpenAI-compatible endpoint and score them.")
        {
            target, key, suite, compare, compareKey, model, json, html, concurrency,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!DrillTarget.TryCreate(parse.GetValue(target)!, parse.GetValue(key), parse.GetValue(model), out var primary, out var error))
            {
                return CommandErrors.Fail("--target: " + error);
            }

            DrillTarget? second = null;
            if (parse.GetValue(compare) is { } compareUrl && !DrillTarget.TryCreate(compareUrl, parse.GetValue(compareKey), parse.GetValue(model), out second, out error))
            {
                return CommandErrors.Fail("--compare: " + error);
            }

            if (!DrillSuites.TryResolve(parse.GetValue(suite) ?? [], out var categories, out error))
            {
                return CommandErrors.Fail("--suite: " + error);
            }

            if (parse.GetValue(concurrency) is < 1 or > MaxConcurrency)
            {
                return CommandErrors.Fail($"--concurrency must be between 1 and {MaxConcurrency}.");
            }

            var run = new RedTeamRun(primary!, second, categories, parse.GetValue(concurrency));
            return await RunAsync(run, parse.GetValue(json), parse.GetValue(html), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(RedTeamRun run, FileInfo? json, FileInfo? html, CancellationToken cancellationToken)
    {
        (Scorecard Primary, Scorecard? Second) result;
        try
        {
            result = await run.ExecuteAsync(cancellationToken);
        }
        catch (DrillTargetException exception)
        {
            return CommandErrors.Fail(exception.Message);
        }

        RedTeamTable.Print(result.Primary, result.Second);
        try
        {
            if (json is not null)
            {
                await File.WriteAllTextAsync(json.FullName, ScorecardJson.Serialize(result.Primary, result.Second), cancellationToken);
            }

            if (html is not null)
            {
                await File.WriteAllTextAsync(html.FullName, ScorecardHtml.Render(result.Primary, result.Second), cancellationToken);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return CommandErrors.Fail("could not write the scorecard: " + exception.Message);
        }

        return ExitCodes.Success;
    }
}
