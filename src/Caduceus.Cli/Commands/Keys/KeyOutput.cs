using System.Globalization;
using System.Text.Json;
using Caduceus.Gateway.Keys;
using Spectre.Console;

namespace Caduceus.Cli.Commands.Keys;

/// <summary>How the <c>keys</c> verbs print keys: one JSON line with <c>--json</c>, a table for people otherwise.</summary>
internal static class KeyOutput
{
    public static void Json(IssuedApiKey issued) =>
        Console.WriteLine(JsonSerializer.Serialize(IssuedApiKeyView.From(issued), ApiKeyJsonContext.Default.IssuedApiKeyView));

    public static void Json(ApiKeyRecord key, DateTimeOffset now) =>
        Console.WriteLine(JsonSerializer.Serialize(ApiKeyView.From(key, now), ApiKeyJsonContext.Default.ApiKeyView));

    public static void Json(IEnumerable<ApiKeyRecord> keys, DateTimeOffset now, int? unusedDays = null, bool? disabled = null) =>
        Console.WriteLine(JsonSerializer.Serialize(
            new ApiKeyListView(keys.Select(k => ApiKeyView.From(k, now)).ToArray(), unusedDays, disabled),
            ApiKeyJsonContext.Default.ApiKeyListView));

    /// <summary>The secret on a line of its own, so it can be copied whole; plain text, not markup.</summary>
    public static void Secret(string secret) => Console.WriteLine($"Key (shown once; store it now): {secret}");

    public static void Table(IReadOnlyList<ApiKeyRecord> keys, DateTimeOffset now)
    {
        var table = new Table().AddColumns("Id", "Application", "Roles", "Label", "Status", "Created", "Expires", "Last used");
        foreach (var key in keys)
        {
            var status = key.StatusAt(now) switch
            {
                ApiKeyStatus.Active => "[green]active[/]",
                ApiKeyStatus.Expired => "[yellow]expired[/]",
                _ => key.RevokedReason switch
                {
                    ApiKeyRevocationReason.Unused => "[red]revoked (unused)[/]",
                    ApiKeyRevocationReason.Incident => "[red]revoked (incident)[/]",
                    _ => "[red]revoked[/]",
                },
            };
            table.AddRow(
                Markup.Escape(key.Id),
                Markup.Escape(key.Application),
                Markup.Escape(string.Join(',', key.Roles)),
                Markup.Escape(key.Label ?? string.Empty),
                status,
                Time(key.CreatedAt),
                key.ExpiresAt is { } expires ? Time(expires) : "never",
                key.LastUsedAt is { } used ? Time(used) : "never");
        }

        if (Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns without a terminal; let the table keep its natural width in files and pipes.
            AnsiConsole.Profile.Width = 240;
        }

        AnsiConsole.Write(table);
    }

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
