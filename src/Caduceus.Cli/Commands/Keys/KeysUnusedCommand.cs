using System.CommandLine;
using Caduceus.Gateway.Keys;

namespace Caduceus.Cli.Commands.Keys;

/// <summary><c>caduceus keys unused --days N [--disable] [--json]</c>: active keys nobody used for N days, and optionally revoke them.</summary>
internal static class KeysUnusedCommand
{
    public static Command Create()
    {
        var days = new Option<string>("--days") { Description = $"Report active keys neither used nor created in this many days (1 to {UnusedKeys.MaxDays}).", Required = true };
        var disable = new Option<bool>("--disable") { Description = "Also revoke them (least privilege: access nobody uses is removed)." };
        var json = new Option<bool>("--json") { Description = "Print {\"keys\": [...], \"unused_days\": N, \"disabled\": ...} as one JSON line." };
        var command = new Command("unused", "Report keys unused for N days, and optionally disable them.") { days, disable, json };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            if (!UnusedKeys.TryParseDays(parse.GetValue(days), out var dayCount, out var error))
            {
                return CommandErrors.Fail("--days " + error);
            }

            var now = KeyStoreSession.Clock.GetUtcNow();
            var disabling = parse.GetValue(disable);
            var keys = disabling
                ? await session.Store.DisableUnusedAsync(UnusedKeys.Cutoff(now, dayCount), cancellationToken)
                : UnusedKeys.Select(await session.Store.ListAsync(cancellationToken), now, dayCount);

            if (parse.GetValue(json))
            {
                KeyOutput.Json(keys, now, dayCount, disabling);
                return ExitCodes.Success;
            }

            if (keys.Count == 0)
            {
                Console.WriteLine($"No active key has gone unused for {dayCount} days.");
                return ExitCodes.Success;
            }

            Console.WriteLine(disabling
                ? $"Disabled {keys.Count} key(s) unused for {dayCount} days:"
                : $"{keys.Count} active key(s) unused for {dayCount} days (add --disable to revoke them):");
            KeyOutput.Table(keys, now);
            return ExitCodes.Success;
        }));
        return command;
    }
}
