using System.CommandLine;
using Caduceus.Cli.Commands.Keys;
using Caduceus.Gateway.Incidents;

namespace Caduceus.Cli.Commands.Incidents;

/// <summary><c>caduceus incidents lift BLOCK_ID</c>: ends a suspension or an application block early.</summary>
internal static class IncidentsLiftCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("block-id") { Description = "The containment block's id (blk_...), as the incident's actions name it." };
        var command = new Command("lift", "Lift a containment block (a suspended caller or disabled application); running gateways follow within a second.") { id };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            var blockId = parse.GetValue(id)!;
            var containment = new OfflineContainment(session.Database, session.Store, session.Options.Incidents, KeyStoreSession.Clock);
            var (block, wasActive) = await containment.Lifting.LiftAsync(blockId, "cli:" + Environment.UserName, cancellationToken);
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
