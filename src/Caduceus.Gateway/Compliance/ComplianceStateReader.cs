using System.Data.Common;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Keys;
using Caduceus.Identity;
using Microsoft.Extensions.Configuration;

namespace Caduceus.Gateway.Compliance;

/// <summary>
/// Reads the configuration and every evidence source into one <see cref="ComplianceState"/>, read-only: a missing
/// database is reported, never created. A source that fails is recorded with the reason, so its controls become gaps.
/// </summary>
internal sealed class ComplianceStateReader(
    IConfiguration configuration,
    ComplianceSources sources,
    ITrainingEvidence training,
    IDrillResultEvidence drillResults,
    IMasterKey? runningMasterKey,
    TimeProvider clock)
{
    /// <exception cref="InvalidOperationException">The configuration cannot be bound (a value of the wrong type, a bad playbook).</exception>
    public async Task<ComplianceState> ReadAsync(CancellationToken cancellationToken)
    {
        var settings = ComplianceSettings.Bind(configuration);
        var now = clock.GetUtcNow();
        var missing = sources.Missing;
        var keyList = await ReadAsync(missing, "client keys", () => sources.Keys.ListAsync(cancellationToken));
        return new ComplianceState
        {
            Now = now,
            Settings = settings,
            Audit = await ReadAuditAsync(settings, cancellationToken),
            Keyring = await ReadKeyringAsync(settings, missing, cancellationToken),
            Keys = keyList,
            AdminKeysWithMfa = keyList.Value is { } list
                ? await ReadAsync(missing, "admin second factors", () => AdminKeysWithMfaAsync(list, now, cancellationToken))
                : SourceRead<IReadOnlySet<string>>.Unreadable(keyList.Problem!),
            Incidents = await ReadAsync(missing, "incidents", () => sources.Incidents.ListAsync(includeClosed: true, cancellationToken)),
            Drills = await ReadAsync(missing, "drills", () => sources.Drills.ListAsync(includeEnded: true, now, cancellationToken)),
            Inventory = await ReadAsync(missing, "model inventory", () => sources.Inventory.ListAsync(cancellationToken)),
            Training = missing is null ? await training.ReadAsync(now, cancellationToken) : SourceRead<TrainingSummary>.Unreadable("no training records: " + missing),
            DrillResults = missing is null
                ? await drillResults.ReadAsync(now - ComplianceState.Period, cancellationToken)
                : SourceRead<DrillResultSummary>.Unreadable("no drill results: " + missing),
        };
    }

    private async Task<IReadOnlySet<string>> AdminKeysWithMfaAsync(IReadOnlyList<ApiKeyRecord> list, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var enrolled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in list.Where(k => k.StatusAt(now) == ApiKeyStatus.Active && k.Roles.Contains(CallerRoles.Admin)))
        {
            if (await sources.Factors.HasConfirmedAsync(key.Id, cancellationToken))
            {
                enrolled.Add(key.Id);
            }
        }

        return enrolled;
    }

    private static async Task<SourceRead<AuditEvidence>> ReadAuditAsync(ComplianceSettings settings, CancellationToken cancellationToken)
    {
        var options = settings.Gateway;
        if (!options.Audit.UsesPostgres && !File.Exists(AuditStores.SqlitePath(options)))
        {
            return SourceRead<AuditEvidence>.Unreadable($"there is no audit database at '{AuditStores.SqlitePath(options)}'");
        }

        try
        {
            using var key = AuditKeyFiles.ReadSigningKey(AuditKeyFiles.SigningKeyPath(options.Audit, Path.GetFullPath(options.DataDirectory)));
            var reader = AuditReaders.Open(options);
            var verification = await AuditVerifier.VerifyAsync(reader, key, cancellationToken);
            StoredAuditCheckpoint? last = null;
            await foreach (var checkpoint in reader.ReadCheckpointsAsync(cancellationToken))
            {
                last = checkpoint;
            }

            return SourceRead<AuditEvidence>.Ok(new AuditEvidence(
                verification.Records,
                verification.Checkpoints,
                verification.Intact,
                verification.BrokenSequence,
                verification.Reason,
                last?.Sequence,
                last is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(last.SignedAtMs)));
        }
        catch (Exception exception) when (exception is DbException or IOException or UnauthorizedAccessException or InvalidOperationException or AuditRecordFormatException)
        {
            return SourceRead<AuditEvidence>.Unreadable("the audit trail could not be verified: " + exception.Message);
        }
    }

    private async Task<SourceRead<KeyringEvidence>> ReadKeyringAsync(ComplianceSettings settings, string? missing, CancellationToken cancellationToken)
    {
        var dataKeys = await ReadAsync(missing, "data keys", () => sources.ReadDataKeysAsync(cancellationToken));
        if (dataKeys.Value is null)
        {
            return SourceRead<KeyringEvidence>.Unreadable(dataKeys.Problem!);
        }

        var encryption = settings.Encryption;
        var configured = !string.IsNullOrEmpty(encryption.MasterKeyFile) || !string.IsNullOrEmpty(encryption.MasterKeyEnvironmentVariable);
        var insideData = !string.IsNullOrEmpty(encryption.MasterKeyFile) && IsInside(encryption.MasterKeyFile, sources.Database.DirectoryPath);
        try
        {
            var master = runningMasterKey ?? MasterKeyLoader.TryLoadExisting(encryption, settings.Vault, sources.Database.DirectoryPath);
            var external = runningMasterKey is not null && runningMasterKey is not LocalMasterKey;
            return SourceRead<KeyringEvidence>.Ok(new KeyringEvidence(
                dataKeys.Value, master?.KeyId, master?.Source ?? "none", external || (configured && !insideData), null));
        }
        catch (EncryptionKeyException exception)
        {
            return SourceRead<KeyringEvidence>.Ok(new KeyringEvidence(dataKeys.Value, null, "unusable", false, exception.Message));
        }
    }

    private static bool IsInside(string path, string directory)
    {
        var relative = Path.GetRelativePath(directory, Path.GetFullPath(path));
        return !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    private static async Task<SourceRead<T>> ReadAsync<T>(string? missing, string what, Func<Task<T>> read)
        where T : class
    {
        if (missing is not null)
        {
            return SourceRead<T>.Unreadable(missing);
        }

        try
        {
            return SourceRead<T>.Ok(await read());
        }
        catch (Exception exception) when (exception is DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return SourceRead<T>.Unreadable($"the {what} could not be read: {exception.Message}");
        }
    }
}
