using Caduceus.Gateway.Audit;
using Microsoft.Data.Sqlite;

namespace Caduceus.Cli.Tests.Commands;

/// <summary>A working directory whose <c>caduceus-data/audit.db</c> holds given records, written as the gateway writes them.</summary>
internal static class AuditTrailWorkDir
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    public static async Task<string> CreateAsync(IEnumerable<AuditRecord> records, CancellationToken cancellationToken)
    {
        var workDir = Directory.CreateTempSubdirectory("caduceus-cli-audit-").FullName;
        var data = Path.Combine(workDir, "caduceus-data");
        var options = new AuditOptions();
        await using (var log = new AuditLog(new SqliteAuditStore(Path.Combine(data, AuditSchema.FileName)), AuditKeyFiles.LoadOrCreateSigningKey(options, data), options, TimeProvider.System))
        {
            await Task.WhenAll(records.Select(r => log.AppendAsync(r, cancellationToken).AsTask()).ToList());
        }

        return workDir;
    }

    /// <summary>Six records a minute apart from <see cref="Start"/>, each differing in one searchable field.</summary>
    public static IEnumerable<AuditRecord> Mixed()
    {
        AuditRecord Chat(int minute, string decision, string? keyId, string? application, params string[] eventIds) => new()
        {
            Time = Start.AddMinutes(minute),
            Kind = "chat",
            Method = "POST",
            Route = "/v1/chat/completions",
            Status = decision is "allowed" or "redacted" ? 200 : 400,
            Decision = decision,
            KeyId = keyId,
            Application = application,
            EventIds = eventIds,
        };

        yield return Chat(0, "allowed", "key_000000000000000a", "portal");
        yield return Chat(1, "redacted", "key_000000000000000a", "phone");
        yield return Chat(2, "blocked", "key_000000000000000b", "portal", "evt_00000000000000b2");
        yield return Chat(3, "refused", null, null, "evt_00000000000000b3");
        yield return Chat(4, "allowed", "oidc:alice", "portal");
        yield return Chat(5, "blocked", "key_000000000000000a", "portal", "evt_00000000000000b5");
    }

    public static void Execute(string workDir, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(workDir, "caduceus-data", AuditSchema.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
