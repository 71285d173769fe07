using System.CommandLine;

namespace Caduceus.Cli.Commands.Intel;

/// <summary><c>caduceus intel</c>: threat intelligence shared with other organisations (STIX 2.1).</summary>
internal static class IntelCommand
{
    public static Command Create()
    {
        var command = new Command("intel", "Share the attack indicators the gateway saw as STIX 2.1.");
        command.Subcommands.Add(IntelExportCommand.Create());
        return command;
    }
}
