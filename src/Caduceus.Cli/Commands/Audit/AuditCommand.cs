using System.CommandLine;

namespace Caduceus.Cli.Commands.Audit;

/// <summary><c>caduceus audit</c>: the gateway's tamper-evident audit trail, found the way <c>serve</c> finds it.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var command = new Command("audit", "Work with the gateway's tamper-evident audit trail, and audit targets and detectors for bias.");
        command.Subcommands.Add(AuditVerifyCommand.Create());
        command.Subcommands.Add(AuditSearchCommand.Create());
        command.Subcommands.Add(AuditExportCommand.Create());
        command.Subcommands.Add(AuditPurgeCommand.Create());
        command.Subcommands.Add(AuditBiasCommand.Create());
        return command;
    }
}
