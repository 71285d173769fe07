using Caduceus.Detection;
using Caduceus.Gateway.Vault;

namespace Caduceus.Gateway.Tests.Vault;

public sealed class PseudonymCipherTests
{
    private static readonly PseudonymCipher Cipher = VaultTestData.Cipher(VaultTestData.KeyA);

    [Fact]
    public void Round_trips_a_value_in_its_row()
    {
        var scope = Cipher.ScopeKey("c");
        var sealedValue = Cipher.Encrypt(scope, "<SSN_1>", EntityTypes.Ssn, VaultTestData.Ssn);

        Assert.Equal(VaultTestData.Ssn, Cipher.Decrypt(scope, "<SSN_1>", EntityTypes.Ssn, sealedValue));
    }

    [Fact]
    public void Uses_a_fresh_nonce_for_every_value()
    {
        var scope = Cipher.ScopeKey("c");

        var first = Cipher.Encrypt(scope, "<SSN_1>", EntityTypes.Ssn, VaultTestData.Ssn);
        var second = Cipher.Encrypt(scope, "<SSN_1>", EntityTypes.Ssn, VaultTestData.Ssn);

        Assert.NotEqual(first.AsSpan(1, 12).ToArray(), second.AsSpan(1, 12).ToArray());
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("other-scope", "<SSN_1>", EntityTypes.Ssn)]
    [InlineData("c", "<SSN_2>", EntityTypes.Ssn)]
    [InlineData("c", "<SSN_1>", EntityTypes.Mrn)]
    public void Refuses_a_value_read_in_another_row(string scopeId, string token, string entityType)
    {
        var sealedValue = Cipher.Encrypt(Cipher.ScopeKey("c"), "<SSN_1>", EntityTypes.Ssn, VaultTestData.Ssn);

        Assert.Throws<PseudonymVaultException>(() => Cipher.Decrypt(Cipher.ScopeKey(scopeId), token, entityType, sealedValue));
    }

    [Fact]
    public void Refuses_a_tampered_or_foreign_value()
    {
        var scope = Cipher.ScopeKey("c");
        var sealedValue = Cipher.Encrypt(scope, "<SSN_1>", EntityTypes.Ssn, VaultTestData.Ssn);
        var tampered = (byte[])sealedValue.Clone();
        tampered[^1] ^= 1;

        Assert.Throws<PseudonymVaultException>(() => Cipher.Decrypt(scope, "<SSN_1>", EntityTypes.Ssn, tampered));
        Assert.Throws<PseudonymVaultException>(() => VaultTestData.Cipher(VaultTestData.KeyB).Decrypt(scope, "<SSN_1>", EntityTypes.Ssn, sealedValue));
        Assert.Throws<PseudonymVaultException>(() => Cipher.Decrypt(scope, "<SSN_1>", EntityTypes.Ssn, [2, .. sealedValue[1..]]));
        Assert.Throws<PseudonymVaultException>(() => Cipher.Decrypt(scope, "<SSN_1>", EntityTypes.Ssn, [1, 2, 3]));
    }

    [Fact]
    public void Lookup_keys_match_spellings_of_one_value_within_a_scope_only()
    {
        var scope = Cipher.ScopeKey("c");
        var lookup = Cipher.LookupKey(scope, EntityTypes.Ssn, "536-22-1843");

        Assert.Equal(lookup, Cipher.LookupKey(scope, EntityTypes.Ssn, "536 22 1843"));
        Assert.NotEqual(lookup, Cipher.LookupKey(Cipher.ScopeKey("d"), EntityTypes.Ssn, "536-22-1843"));
        Assert.NotEqual(lookup, Cipher.LookupKey(scope, EntityTypes.Mrn, "536-22-1843"));
        Assert.NotEqual(lookup, VaultTestData.Cipher(VaultTestData.KeyB).LookupKey(scope, EntityTypes.Ssn, "536-22-1843"));
    }
}
