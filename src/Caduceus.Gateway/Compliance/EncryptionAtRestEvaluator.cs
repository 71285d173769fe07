namespace Caduceus.Gateway.Compliance;

/// <summary>
/// Encryption and decryption (HIPAA 164.312(a)(2)(iv)): data keys in the keyring, all wrapped by the configured master
/// key, and that master key kept apart from the data directory it protects.
/// </summary>
internal static class EncryptionAtRestEvaluator
{
    public static ControlResult Evaluate(ControlDefinition control, ComplianceState state)
    {
        var encryption = state.Settings.Encryption;
        var evidence = new ControlEvidence(control)
            .Add("Encryption:MasterKeyFile", encryption.MasterKeyFile is { Length: > 0 } file ? file : "not set")
            .Add("Encryption:MasterKeyEnvironmentVariable", encryption.MasterKeyEnvironmentVariable is { Length: > 0 } variable ? variable : "not set")
            .Add("audit records", "keyed hashes of findings, never text");
        if (state.Keyring.Value is not { } keyring)
        {
            return evidence.Gap($"The encryption keyring cannot be read: {state.Keyring.Problem}.");
        }

        evidence.Add("master key source", keyring.MasterKeySource)
            .Add("master key id", keyring.MasterKeyId ?? "none")
            .Add("data keys", keyring.DataKeys.Count);
        foreach (var key in keyring.DataKeys)
        {
            evidence.Add($"data key '{key.Purpose}'", $"wrapped by {key.MasterKeyId}, {(state.Now - key.WrappedAt).Days} days since wrapped, origin {key.Origin}");
        }

        var gaps = new List<string>();
        if (keyring.MasterKeyProblem is { } problem)
        {
            gaps.Add($"The configured master key cannot be loaded: {problem}");
        }
        else if (!keyring.MasterKeyKeptApart)
        {
            gaps.Add("No master key is kept apart from the data: set Encryption:MasterKeyFile (outside the data directory) or Encryption:MasterKeyEnvironmentVariable; the vault key now doubles as master key, so a copy of the data directory can hold its own key.");
        }

        if (keyring.DataKeys.Count == 0)
        {
            gaps.Add("The keyring holds no data keys yet (the gateway has not started with this database).");
        }
        else if (keyring.MasterKeyId is { } id && keyring.DataKeys.Any(k => k.MasterKeyId != id))
        {
            gaps.Add($"Some data keys are not wrapped by the configured master key {id}.");
        }

        return evidence.PassUnless(gaps, $"PHI kept at rest (pseudonym values, TOTP seeds) is sealed with AES-256-GCM data keys wrapped by master key {keyring.MasterKeyId}, kept apart from the data directory.");
    }
}
