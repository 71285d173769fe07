using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Tests.Encryption;
using Caduceus.Gateway.Tests.Vault;
using Caduceus.Gateway.Vault;

namespace Caduceus.Gateway.Tests.AdminMfa;

public sealed class TotpSeedCipherTests
{
    private static readonly byte[] Seed = [.. Enumerable.Range(1, 20).Select(i => (byte)i)];

    [Fact]
    public void Seeds_are_sealed_with_the_keyrings_totp_data_key_and_open_only_with_that_keyring()
    {
        var keyring = EncryptionTestData.Open(VaultTestData.NewDatabase(), EncryptionTestData.MasterA);
        var sealedSeed = new TotpSeedCipher(keyring).Seal("key_1", "factor_1", Seed);
        var factor = new MfaFactor { Id = "factor_1", KeyId = "key_1", Kind = MfaFactorKind.Totp, CreatedAt = DateTimeOffset.UnixEpoch, SealedTotpSeed = sealedSeed };

        var opened = new byte[Seed.Length];
        Assert.True(AesGcmSeal.TryOpen(keyring.KeyFor(DataKeyPurposes.AdminTotpSeed), sealedSeed, "caduceus admin totp v1\nkey_1\nfactor_1"u8, opened));
        Assert.Equal(Seed, opened);
        Assert.Equal(Seed, new TotpSeedCipher(keyring).Open(factor));
        var otherKeyring = EncryptionTestData.Open(VaultTestData.NewDatabase(), EncryptionTestData.MasterA);
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => new TotpSeedCipher(otherKeyring).Open(factor));
    }
}
