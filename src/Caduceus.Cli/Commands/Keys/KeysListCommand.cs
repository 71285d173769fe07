using System.CommandLine;

namespace Caduceus.Cli.Commands.Keys;

/// <summary><c>caduceus keys list [--json]</c>: every key with its status; never a secret.</summary>
internal static class KeysListCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print {\"keys\": [...]} as one JSON line." };
        var command = new Command("list", "List the keys: application, roles, status, expiry and last use (never a secret).") { json };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            var now = KeyStoreSession.Clock.GetUtcNow();
            var keys = await session.Store.ListAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                KeyOutput.Json(keys, now);
            }
            else if (keys.Count == 0)
            {
                Console.WriteLine("No keys yet. Create one with 'caduceus keys create --app NAME --role ROLE'.");
            }
            else
            {
                KeyOutput.Table(keys, now);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
