using System.CommandLine;
using Caduceus.Gateway.Keys;

namespace Caduceus.Cli.Commands.Keys;

/// <summary><c>caduceus keys rotate ID [--grace 10m] [--json]</c>: a new secret for the same key.</summary>
internal static class KeysRotateCommand
{
    public static Command Create()
    {
        var id = KeyIdArgument.Create();
        var grace = new Option<string?>("--grace")
        {
            Description = "Let the old secret keep working this long (at most 24h) so clients can switch over. Default: it stops at once.",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON line with id and the new key." };
        var command = new Command("rotate", "Give a key a new secret (printed once); the old secret stops working.") { id, grace, json };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            if (!RotationGrace.TryParse(parse.GetValue(grace), out var gracePeriod, out var error))
            {
                return CommandErrors.Fail(error);
            }

            var keyId = parse.GetValue(id)!;
            var issued = await session.Store.RotateAsync(keyId, gracePeriod, cancellationToken);
            if (issued is null)
            {
                var existing = await session.Store.GetAsync(keyId, cancellationToken);
                return CommandErrors.Fail(existing is null
                    ? KeyIdArgument.NotFound(keyId)
                    : $"key '{keyId}' is {existing.StatusAt(KeyStoreSession.Clock.GetUtcNow()).ToString().ToLowerInvariant()}; only active keys can be rotated.");
            }

            if (parse.GetValue(json))
            {
                KeyOutput.Json(issued);
                return ExitCodes.Success;
            }

            Console.WriteLine($"Rotated key {issued.Record.Id} of application '{issued.Record.Application}'.");
            KeyOutput.Secret(issued.Secret);
            Console.WriteLine(gracePeriod > TimeSpan.Zero
                ? $"The old secret works until {KeyOutput.Time(issued.Record.PreviousSecretValidUntil!.Value)}."
                : "The old secret no longer works (a running gateway refuses it within a second).");
            return ExitCodes.Success;
        }));
        return command;
    }
}
