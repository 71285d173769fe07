using System.CommandLine;
using Caduceus.Cli.Commands.Keys;
using Caduceus.Gateway.Incidents;

namespace Caduceus.Cli.Commands.Incidents;

/// <summary>
/// <c>caduceus incidents</c>: work the incidents the gateway's playbooks opened, directly on its database (found the
/// way <c>serve</c> finds it).
/// </summary>
internal static class IncidentsCommand
{
    public static Command Create()
    {
        var command = new Command("incidents", "List, show, contain, close and report incidents opened by the gateway's playbooks.");
        command.Subcommands.Add(IncidentsListCommand.Create());
        command.Subcommands.Add(IncidentsShowCommand.Create());
        command.Subcommands.Add(IncidentsActCommand.Create());
        command.Subcommands.Add(IncidentsLiftCommand.Create());
        command.Subcommands.Add(IncidentsCloseCommand.Create());
        command.Subcommands.Add(IncidentsReportCommand.Create());
        command.Subcommands.Add(IncidentsNotifyCommand.Create());
        command.Subcommands.Add(IncidentsDrillsCommand.Create());
        return command;
    }

    public static Argument<string> IdArgument() => new("id") { Description = "The incident's id (inc_...), as 'incidents list' shows it." };

    public static string NotFound(string id) => $"there is no incident with id '{id}'";

    /// <summary>The gateway's own incident response on its database (or the shared one), for every verb: the stores are chosen there, as the gateway chooses them.</summary>
    public static OfflineIncidentResponse OpenResponse(KeyStoreSession session) =>
        new(session.Options, session.Database, session.Store, KeyStoreSession.Clock, session.SharedState);

    /// <summary>Who ordered a change from the command line, as incidents and the audit trail record it.</summary>
    public static string Actor => "cli:" + Environment.UserName;
}
