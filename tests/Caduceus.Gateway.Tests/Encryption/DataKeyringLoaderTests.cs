using System.Text;
using Caduceus.Detection;
using Caduceus.Detection.Anonymization;
using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Tests.Vault;
using Caduceus.Gateway.Vault;

namespace Caduceus.Gateway.Tests.Encryption;

public sealed class DataKeyringLoaderTests
{
    private readonly GatewayDatabase _database = VaultTestData.NewDatabase();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void A_new_database_gets_random_data_keys_not_derived_from_the_master_key()
    {
        var keyring = EncryptionTestData.Open(_database, EncryptionTestData.MasterA, legacy: VaultTestData.KeyA);

        Assert.Equal(DataKeyPurposes.All.Count, keyring.Count);
        foreach (var purpose in DataKeyPurposes.All)
        {
            Assert.NotEqual(VaultTestData.KeyA.Derive(purpose), keyring.KeyFor(purpose));
        }

        Assert.Equal(DataKeyPurposes.All.Count, EncryptionTestData.Keys(keyring).Select(Convert.ToBase64String).Distinct().Count());
        Assert.All(EncryptionTestData.Rows(_database), row => Assert.Equal(EncryptionTestData.MasterA.KeyId, row.MasterKeyId));
    }

    [Fact]
    public void Reopening_with_the_same_master_key_gives_the_same_data_keys()
    {
        var first = EncryptionTestData.Open(_database, EncryptionTestData.MasterA);

        var second = EncryptionTestData.Open(VaultTestData.NewDatabase(_database.DirectoryPath), new LocalMasterKey(new VaultKey([.. Enumerable.Range(1, 32).Select(i => (byte)i)]), "same key, read again"));

        Assert.Equal(EncryptionTestData.Keys(first), EncryptionTestData.Keys(second));
    }

    [Fact]
    public async Task The_database_holds_no_data_key_master_key_or_phi_in_plaintext()
    {
        var keyring = EncryptionTestData.Open(_database, EncryptionTestData.MasterA);
        var vault = new SqlitePseudonymVault(_database, new PseudonymCipher(keyring), TimeProvider.System, VaultTestData.Options());
        var scope = await vault.OpenScopeAsync("conversation-about-quarterfield", Cancel);
        VaultTestData.IssueSeeded(scope);
        Assert.True(await vault.TryCommitAsync(scope, Cancel));

        var bytes = EncryptionTestData.RawDatabaseBytes(_database);

        Assert.True(EncryptionTestData.Contains(bytes, Encoding.UTF8.GetBytes(EncryptionTestData.MasterA.KeyId)), "the check must see the keyring rows");
        foreach (var key in EncryptionTestData.Keys(keyring).Append(Convert.FromBase64String(VaultTestData.KeyA.ToBase64())))
        {
            Assert.False(EncryptionTestData.Contains(bytes, key), "key material was found in the database");
            Assert.False(EncryptionTestData.Contains(bytes, Encoding.ASCII.GetBytes(Convert.ToBase64String(key))), "base64 key material was found in the database");
        }

        foreach (var secret in new[] { VaultTestData.Ssn, VaultTestData.Name, "conversation-about-quarterfield" })
        {
            Assert.False(EncryptionTestData.Contains(bytes, Encoding.UTF8.GetBytes(secret)), "PHI was found in the database");
        }
    }

    [Fact]
    public void A_wrong_master_key_fails_closed_naming_both_key_ids_and_the_settings()
    {
        EncryptionTestData.Open(_database, EncryptionTestData.MasterA);

        var exception = Assert.Throws<EncryptionKeyException>(() => EncryptionTestData.Open(_database, EncryptionTestData.MasterB));

        Assert.Contains(EncryptionTestData.MasterA.KeyId, exception.Message, StringComparison.Ordinal);
        Assert.Contains($"(test key B) is {EncryptionTestData.MasterB.KeyId}", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Encryption:MasterKeyFile", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(VaultTestData.KeyA.ToBase64(), exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(VaultTestData.KeyB.ToBase64(), exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_wrapped_key_fails_to_open()
    {
        EncryptionTestData.Open(_database, EncryptionTestData.MasterA);
        var wrapped = EncryptionTestData.WrappedKey(_database, DataKeyPurposes.PseudonymEncryption);
        wrapped[^1] ^= 0x01;
        EncryptionTestData.Execute(_database, "UPDATE data_keys SET wrapped_key = $w WHERE purpose = $p", ("$w", wrapped), ("$p", DataKeyPurposes.PseudonymEncryption));

        var exception = Assert.Throws<EncryptionKeyException>(() => EncryptionTestData.Open(_database, EncryptionTestData.MasterA));

        Assert.Contains($"'{DataKeyPurposes.PseudonymEncryption}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("failed authentication", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrapped_key_moved_to_another_purpose_fails_to_open()
    {
        EncryptionTestData.Open(_database, EncryptionTestData.MasterA);
        EncryptionTestData.Execute(
            _database,
            "UPDATE data_keys SET wrapped_key = $w WHERE purpose = $p",
            ("$w", EncryptionTestData.WrappedKey(_database, DataKeyPurposes.AdminTotpSeed)),
            ("$p", DataKeyPurposes.AnonymizationOperators));

        var exception = Assert.Throws<EncryptionKeyException>(() => EncryptionTestData.Open(_database, EncryptionTestData.MasterA));

        Assert.Contains($"'{DataKeyPurposes.AnonymizationOperators}'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vault_data_and_totp_seeds_sealed_before_the_keyring_stay_readable_after_the_upgrade()
    {
        // Sealed as the gateway did before envelope encryption: keys derived from the vault key with HKDF.
        var oldKey = VaultTestData.KeyA;
        var oldCipher = new PseudonymCipher(oldKey.Derive("pseudonym encryption"), oldKey.Derive("scope id"), oldKey.Derive("value lookup"));
        var oldVault = new SqlitePseudonymVault(_database, oldCipher, TimeProvider.System, VaultTestData.Options());
        var scope = await oldVault.OpenScopeAsync("c", Cancel);
        VaultTestData.IssueSeeded(scope);
        Assert.True(await oldVault.TryCommitAsync(scope, Cancel));
        var seed = Encoding.ASCII.GetBytes("twenty-byte-seed!!!!");
        var sealedSeed = AesGcmSeal.Seal(oldKey.Derive("admin totp seed"), seed, Encoding.UTF8.GetBytes("caduceus admin totp v1\nkey_1\nfactor_1"));
        EncryptionTestData.Execute(
            _database,
            "INSERT INTO admin_mfa_factors (id, key_id, kind, created_at, totp_seed) VALUES ('factor_1', 'key_1', 'Totp', 0, $seed)",
            ("$seed", sealedSeed));

        var keyring = EncryptionTestData.Open(_database, new LocalMasterKey(oldKey, "Vault:Key"), legacy: oldKey);

        var vault = new SqlitePseudonymVault(_database, new PseudonymCipher(keyring), TimeProvider.System, VaultTestData.Options());
        var reopened = await vault.OpenScopeAsync("c", Cancel);
        Assert.Equal($"{VaultTestData.Ssn} {VaultTestData.Name}", PseudonymRestorer.Restore("<SSN_1> <NAME_1>", reopened.Pseudonyms));
        var factor = new MfaFactor { Id = "factor_1", KeyId = "key_1", Kind = MfaFactorKind.Totp, CreatedAt = DateTimeOffset.UnixEpoch, SealedTotpSeed = sealedSeed };
        Assert.Equal(seed, new TotpSeedCipher(keyring).Open(factor));
        Assert.Equal(oldKey.Derive("anonymization operators"), keyring.KeyFor(DataKeyPurposes.AnonymizationOperators));
    }

    [Fact]
    public async Task An_upgrade_to_a_new_master_key_takes_the_old_keys_from_the_vault_key_and_fails_closed_without_it()
    {
        var oldKey = VaultTestData.KeyA;
        var oldVault = new SqlitePseudonymVault(
            _database, new PseudonymCipher(oldKey.Derive("pseudonym encryption"), oldKey.Derive("scope id"), oldKey.Derive("value lookup")), TimeProvider.System, VaultTestData.Options());
        var scope = await oldVault.OpenScopeAsync("c", Cancel);
        scope.Pseudonyms.GetOrIssue(EntityTypes.Ssn, VaultTestData.Ssn);
        await oldVault.TryCommitAsync(scope, Cancel);

        var missing = Assert.Throws<EncryptionKeyException>(() => EncryptionTestData.Open(_database, EncryptionTestData.MasterC));
        var keyring = EncryptionTestData.Open(_database, EncryptionTestData.MasterC, legacy: oldKey);

        Assert.Contains("Vault:Key", missing.Message, StringComparison.Ordinal);
        Assert.All(EncryptionTestData.Rows(_database), row => Assert.Equal(EncryptionTestData.MasterC.KeyId, row.MasterKeyId));
        var vault = new SqlitePseudonymVault(_database, new PseudonymCipher(keyring), TimeProvider.System, VaultTestData.Options());
        Assert.Equal(VaultTestData.Ssn, PseudonymRestorer.Restore("<SSN_1>", (await vault.OpenScopeAsync("c", Cancel)).Pseudonyms));
    }

    [Fact]
    public void Neither_the_keyring_nor_a_master_key_shows_key_material()
    {
        var keyring = EncryptionTestData.Open(_database, EncryptionTestData.MasterA);

        var shown = keyring.ToString() + EncryptionTestData.MasterA;

        Assert.Contains(EncryptionTestData.MasterA.KeyId, shown, StringComparison.Ordinal);
        foreach (var key in EncryptionTestData.Keys(keyring).Append(Convert.FromBase64String(VaultTestData.KeyA.ToBase64())))
        {
            Assert.DoesNotContain(Convert.ToBase64String(key), shown, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexString(key), shown, StringComparison.OrdinalIgnoreCase);
        }
    }
}
