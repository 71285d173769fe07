using System.CommandLine;
using Caduceus.Gateway.Keys;
using Caduceus.Identity;

namespace Caduceus.Cli.Commands.Keys;

/// <summary><c>caduceus keys create --app NAME --role ROLE [--label TEXT] [--expires-in 30d] [--json]</c>.</summary>
internal static class KeysCreateCommand
{
    public static Command Create()
    {
        var app = new Option<string>("--app") { Description = "The configured application the key acts for.", Required = true };
        var roles = new Option<string[]>("--role")
        {
            Description = $"The key's role: {string.Join(", ", CallerRoles.All)}. Repeat or comma-separate for several; admin alone cannot use the models.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var label = new Option<string?>("--label") { Description = "A note on what the key is for (shown in lists; no patient data)." };
        var expiresIn = new Option<string?>("--expires-in") { Description = $"Refuse the key after this long: {DurationText.Format}." };
        var json = new Option<bool>("--json") { Description = "Print one JSON line with id and key." };
        var command = new Command("create", "Create a key; its secret is printed once and stored only as a hash.") { app, roles, label, expiresIn, json };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            var now = KeyStoreSession.Clock.GetUtcNow();
            if (!NewApiKeyInput.TryCreate(session.Options, parse.GetValue(app), parse.GetValue(roles), parse.GetValue(label), parse.GetValue(expiresIn), now, out var key, out var error))
            {
                return CommandErrors.Fail(error);
            }

            var issued = await session.Store.CreateAsync(key, cancellationToken);
            if (parse.GetValue(json))
            {
                KeyOutput.Json(issued);
                return ExitCodes.Success;
            }

            var record = issued.Record;
            var expiry = record.ExpiresAt is { } expires ? $", expires {KeyOutput.Time(expires)}" : string.Empty;
            Console.WriteLine($"Created key {record.Id} for application '{record.Application}' with roles {string.Join(", ", record.Roles)}{expiry}.");
            KeyOutput.Secret(issued.Secret);
            return ExitCodes.Success;
        }));
        return command;
    }
}
