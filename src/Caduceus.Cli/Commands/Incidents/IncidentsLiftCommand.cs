using System.CommandLine;
using Caduceus.Cli.Commands.Keys;
using Caduceus.Gateway.Incidents;

namespace Caduceus.Cli.Commands.Incidents;

/// <summary><c>caduceus incidents lift BLOCK_ID</c>: ends a containment block early (audited).</summary>
internal static class IncidentsLiftCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("block-id") { Description = "The containment block's id (blk_...), as the incident's actions name it." };
        var command = new Command("lift", "Lift a containment block (a suspension, address block, disabled application or tools, strict policy); running gateways follow within a second.") { id };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            var blockId = parse.GetValue(id)!;
            await using var response = IncidentsCommand.OpenResponse(session);
            var (block, wasActive) = await response.Lifting.LiftAsync(blockId, IncidentsCommand.Actor, cancellationToken);
            if (block is null)
            {
                return CommandErrors.Fail($"there is no containment block with id '{blockId}'");
            }

            if (!wasActive)
            {
                return CommandErrors.Fail($"block '{blockId}' was already lifted or has expired");
            }

            Console.WriteLine($"Lifted block {block.Id} ({block.Action} on {block.Value}); running gateways follow within a second.");
            return ExitCodes.Success;
        }));
        return command;
    }
}
