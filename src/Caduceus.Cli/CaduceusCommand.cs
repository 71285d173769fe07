using System.CommandLine;
using Caduceus.Cli.Commands;
using Caduceus.Cli.Commands.Audit;
using Caduceus.Cli.Commands.ConsoleUsers;
using Caduceus.Cli.Commands.Incidents;
using Caduceus.Cli.Commands.Keys;
using Caduceus.Cli.Commands.Models;
using Caduceus.Cli.Commands.RedTeam;
using Caduceus.Cli.Commands.Report;
using Caduceus.Cli.Commands.Training;

namespace Caduceus.Cli;

/// <summary>The <c>caduceus</c> root command and its verbs.</summary>
internal static class CaduceusCommand
{
    /// <summary>Shared by every verb that reads the gateway's configuration.</summary>
    public static Option<FileInfo?> ConfigOption { get; } = new("--config")
    {
        Description = "An extra JSON configuration file, read after appsettings.json and before CADUCEUS_ environment variables.",
        Recursive = true,
    };

    public static RootCommand Create()
    {
        var root = new RootCommand("Caduceus: a security gateway for AI that handles protected health information.");
        root.Options.Add(ConfigOption);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(ModelsCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(IncidentsCommand.Create());
        root.Subcommands.Add(Commands.Intel.IntelCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(Commands.Monitor.MonitorCommand.Create());
        root.Subcommands.Add(ConsoleUsersCommand.Create());
        root.Subcommands.Add(TrainingCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(TestModelCommand.Create());
        root.Subcommands.Add(RedTeamCommand.Create());
        root.Subcommands.Add(ScanCommand.Create());
        root.Subcommands.Add(RedactCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(CorpusCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        return root;
    }
}
