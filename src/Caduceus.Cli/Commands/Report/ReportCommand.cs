using System.CommandLine;
using System.Data.Common;
using Caduceus.Cli.Commands.Audit;
using Caduceus.Gateway.Compliance;
using Caduceus.Gateway.Hosting;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Caduceus.Cli.Commands.Report;

/// <summary>
/// <c>caduceus report --framework hipaa|owasp-llm|nist-ai-rmf|saif [--html FILE] [--json FILE]</c>: maps each control
/// of a framework to the gateway's configuration and records (read-only), prints a table and writes the files. Bad
/// input exits 2 with one line and writes nothing.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var framework = new Option<string>("--framework") { Description = $"The framework: {ComplianceFrameworks.Names}.", Required = true };
        var html = new Option<FileInfo?>("--html") { Description = "Also write the report as one self-contained HTML page to this file." };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the report as JSON to this file." };
        var command = new Command("report", "Map a framework's controls to the gateway's configuration and records: pass, gap or not applicable, with the reason and evidence.")
        {
            framework, html, json,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(CaduceusCommand.ConfigOption), parse.GetValue(framework)!, new ReportFiles(parse.GetValue(html), parse.GetValue(json)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo? configFile, string name, ReportFiles files, CancellationToken cancellationToken)
    {
        if (ComplianceFrameworks.Find(name) is not { } framework)
        {
            return CommandErrors.Fail($"unknown framework '{name}'; use one of {ComplianceFrameworks.Names}");
        }

        if (files.Problem() is { } fileProblem)
        {
            return CommandErrors.Fail(fileProblem);
        }

        // The audit verbs' checks of Audit:Store, its connection string and retention, then the rest of the configuration.
        if (AuditCommandOptions.Load(configFile, out var error) is not { } options)
        {
            return CommandErrors.Fail(error);
        }

        ComplianceReport report;
        try
        {
            var configuration = GatewayConfiguration.Build(new GatewayLaunchOptions { ConfigFile = configFile?.FullName });
            var sharedState = configuration.GetSection(SharedStateOptions.SectionName).Get<SharedStateOptions>() ?? new SharedStateOptions();
            if (new SharedStateOptionsValidator(sharedState).Validate(null, options) is { Failed: true } invalid)
            {
                return CommandErrors.Fail("invalid configuration: " + invalid.FailureMessage);
            }

            var database = new GatewayDatabase(Microsoft.Extensions.Options.Options.Create(options));
            await using var reporter = ComplianceReporter.ForDatabase(configuration, database, TimeProvider.System, Sources(configFile));
            report = await reporter.CreateAsync(framework, cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or FileNotFoundException or InvalidDataException)
        {
            return CommandErrors.Fail("invalid configuration: " + exception.Message);
        }
        catch (DbException exception)
        {
            return CommandErrors.Fail($"the gateway database in '{Path.GetFullPath(options.DataDirectory)}' could not be read: {exception.Message}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }

        if (await files.WriteAsync(report, cancellationToken) is { } writeProblem)
        {
            return CommandErrors.Fail(writeProblem);
        }

        ReportTable.Print(report, files);
        return ExitCodes.Success;
    }

    private static string Sources(FileInfo? configFile)
    {
        var sources = new List<string>();
        var appsettings = Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json");
        if (File.Exists(appsettings))
        {
            sources.Add(appsettings);
        }

        if (configFile is not null)
        {
            sources.Add(configFile.FullName);
        }

        sources.Add(GatewayConfiguration.EnvironmentPrefix + " environment variables");
        return string.Join(", ", sources);
    }
}
