using System.CommandLine;
using System.Globalization;
using Caduceus.Detection;
using Caduceus.Evaluation.Bias;
using Caduceus.Evaluation.Data;
using Caduceus.Gateway.Configuration;
using Caduceus.RedTeam.Running;

namespace Caduceus.Cli.Commands.Audit;

/// <summary>
/// <c>caduceus audit bias --data FILE.jsonl</c>: expands request templates across demographic groups, puts every
/// variant to a target (<c>--target</c>) or to the detectors in-process (the default), and tests whether refusals,
/// detector scores and answer lengths differ between groups. Validates everything before it sends or writes anything.
/// </summary>
internal static class AuditBiasCommand
{
    private const int TargetConcurrency = 4;
    private static readonly TimeSpan TargetTimeout = TimeSpan.FromSeconds(30);

    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "The templates: one JSON object a line, {\"id\", \"template\", \"variants\": {DIMENSION: {GROUP: [values]}}} (see eval/bias/README.md)." };
        var target = new Option<string?>("--target") { Description = "Audit this OpenAI-compatible base URL (e.g. the gateway, http://127.0.0.1:8080/v1): refusals and answer lengths." };
        var key = new Option<string?>("--key") { Description = "API key for --target, sent as a bearer token." };
        var model = new Option<string?>("--model") { Description = $"Model name to request from --target (default {DrillTarget.DefaultModel})." };
        var detectors = new Option<bool>("--detectors") { Description = "Audit the PHI and injection detectors in-process, under the application's request policy (the default without --target)." };
        var app = new Option<string>("--app")
        {
            Description = "With the detectors: the application whose detection layers and request policy apply.",
            DefaultValueFactory = _ => GatewayOptions.DefaultApplicationName,
        };
        var alpha = new Option<string>("--alpha") { Description = "Significance level, after Holm's correction for the number of comparisons (default 0.05).", DefaultValueFactory = _ => "0.05" };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the report as JSON to this file." };
        var command = new Command("bias", "Audit a target or the detectors for differences between demographic groups (refusals, scores, answer lengths), with significance tests.")
        {
            data, target, key, model, detectors, app, alpha, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(data) is not { Length: > 0 } dataFile)
            {
                return CommandErrors.Fail("audit bias needs --data FILE.jsonl.");
            }

            var alphaText = parse.GetValue(alpha)!;
            if (!double.TryParse(alphaText, NumberStyles.Float, CultureInfo.InvariantCulture, out var level) || !(level > 0 && level < 1))
            {
                return CommandErrors.Fail($"--alpha takes a number between 0 and 1 (exclusive), not '{alphaText}'.");
            }

            var targetUrl = parse.GetValue(target);
            if (targetUrl is null && parse.GetValue(key) is not null)
            {
                return CommandErrors.Fail("--key needs --target.");
            }

            if (targetUrl is not null && parse.GetValue(detectors))
            {
                return CommandErrors.Fail("--detectors audits the detectors in-process; leave out --target, or run twice.");
            }

            IReadOnlyList<BiasVariant> variants;
            int templates;
            try
            {
                var read = BiasTemplateReader.ReadFile(dataFile);
                templates = read.Count;
                variants = BiasTemplateExpander.Expand(read);
            }
            catch (DatasetFormatException exception)
            {
                return CommandErrors.Fail(exception.Message);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return CommandErrors.Fail($"could not read {dataFile}: {exception.Message}");
            }

            if (targetUrl is null)
            {
                var application = TextCommandInput.Application(parse.GetValue(CaduceusCommand.ConfigOption), parse.GetValue(app)!, out var error);
                if (application is null)
                {
                    return CommandErrors.Fail(error);
                }

                var analyzer = TextAnalyzer.CreateDefault().WithOptional(application.Detection.Enabled).Without(application.Detection.Disabled);
                var probe = new DetectorBiasProbe(analyzer, application.Policy.Request);
                return await RunAsync(probe, Environment.ProcessorCount, templates, variants, level, parse.GetValue(json), cancellationToken);
            }

            if (!DrillTarget.TryCreate(targetUrl, parse.GetValue(key), parse.GetValue(model), out var drillTarget, out var urlError))
            {
                return CommandErrors.Fail("--target: " + urlError);
            }

            using var http = new HttpClient { Timeout = TargetTimeout };
            var targetProbe = new TargetBiasProbe(http, drillTarget!.BaseAddress, drillTarget.ApiKey, drillTarget.Model);
            return await RunAsync(targetProbe, TargetConcurrency, templates, variants, level, parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        IBiasProbe probe, int concurrency, int templates, IReadOnlyList<BiasVariant> variants, double alpha, FileInfo? json, CancellationToken cancellationToken)
    {
        IReadOnlyList<BiasObservation> observations;
        try
        {
            observations = await BiasAuditRunner.ObserveAsync(variants, probe, concurrency, cancellationToken);
        }
        catch (BiasTargetException exception)
        {
            return CommandErrors.Fail(exception.Message);
        }

        var report = BiasAnalysis.Analyze(probe.Mode, templates, observations, alpha);
        if (json is not null)
        {
            try
            {
                await File.WriteAllTextAsync(json.FullName, BiasReportJson.Serialize(report) + "\n", cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return CommandErrors.Fail($"could not write {json.Name}: {exception.Message}");
            }
        }

        AuditBiasTable.Print(report);
        return ExitCodes.Success;
    }
}
