using System.CommandLine;
using Caduceus.Gateway.Keys;

namespace Caduceus.Cli.Commands.Keys;

/// <summary><c>caduceus keys revoke ID [--json]</c>: the key stops working, on a running gateway within a second.</summary>
internal static class KeysRevokeCommand
{
    public static Command Create()
    {
        var id = KeyIdArgument.Create();
        var json = new Option<bool>("--json") { Description = "Print the revoked key as one JSON line." };
        var command = new Command("revoke", "Revoke a key; a running gateway refuses it within a second.") { id, json };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            var keyId = parse.GetValue(id)!;
            var revoked = await session.Store.RevokeAsync(keyId, ApiKeyRevocationReason.Revoked, cancellationToken);
            if (revoked is null)
            {
                return CommandErrors.Fail(KeyIdArgument.NotFound(keyId));
            }

            if (parse.GetValue(json))
            {
                KeyOutput.Json(revoked, KeyStoreSession.Clock.GetUtcNow());
                return ExitCodes.Success;
            }

            Console.WriteLine($"Revoked key {revoked.Id} of application '{revoked.Application}' (at {KeyOutput.Time(revoked.RevokedAt!.Value)}); a running gateway refuses it within a second.");
            return ExitCodes.Success;
        }));
        return command;
    }
}
