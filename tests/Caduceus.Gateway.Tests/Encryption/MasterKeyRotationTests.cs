using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Tests.Vault;

namespace Caduceus.Gateway.Tests.Encryption;

public sealed class MasterKeyRotationTests
{
    private readonly GatewayDatabase _database = VaultTestData.NewDatabase();

    [Fact]
    public void Rotation_rewraps_every_data_key_and_keeps_the_data_keys()
    {
        var before = EncryptionTestData.Open(_database, EncryptionTestData.MasterA);

        var rewrapped = EncryptionTestData.Rotate(_database, EncryptionTestData.MasterA, EncryptionTestData.MasterB);

        Assert.Equal(DataKeyPurposes.All.Count, rewrapped);
        Assert.All(EncryptionTestData.Rows(_database), row => Assert.Equal(EncryptionTestData.MasterB.KeyId, row.MasterKeyId));
        Assert.Equal(EncryptionTestData.Keys(before), EncryptionTestData.Keys(EncryptionTestData.Open(_database, EncryptionTestData.MasterB)));
        Assert.Throws<EncryptionKeyException>(() => EncryptionTestData.Open(_database, EncryptionTestData.MasterA));
    }

    [Fact]
    public void A_second_rotation_works_too()
    {
        var before = EncryptionTestData.Open(_database, EncryptionTestData.MasterA);

        EncryptionTestData.Rotate(_database, EncryptionTestData.MasterA, EncryptionTestData.MasterB);
        EncryptionTestData.Rotate(_database, EncryptionTestData.MasterB, EncryptionTestData.MasterC);

        Assert.Equal(EncryptionTestData.Keys(before), EncryptionTestData.Keys(EncryptionTestData.Open(_database, EncryptionTestData.MasterC)));
        Assert.Throws<EncryptionKeyException>(() => EncryptionTestData.Open(_database, EncryptionTestData.MasterB));
    }

    [Fact]
    public void A_failure_midway_leaves_every_data_key_wrapped_by_the_old_master_key()
    {
        var before = EncryptionTestData.Open(_database, EncryptionTestData.MasterA);

        Assert.Throws<IOException>(() => EncryptionTestData.Rotate(_database, EncryptionTestData.MasterA, new FailingMasterKey(EncryptionTestData.MasterB, failingWrap: 3)));

        Assert.All(EncryptionTestData.Rows(_database), row => Assert.Equal(EncryptionTestData.MasterA.KeyId, row.MasterKeyId));
        Assert.Equal(EncryptionTestData.Keys(before), EncryptionTestData.Keys(EncryptionTestData.Open(_database, EncryptionTestData.MasterA)));
    }

    [Fact]
    public void Rotating_to_the_master_key_in_use_is_refused()
    {
        EncryptionTestData.Open(_database, EncryptionTestData.MasterA);

        var exception = Assert.Throws<EncryptionKeyException>(() => EncryptionTestData.Rotate(_database, EncryptionTestData.MasterA, EncryptionTestData.MasterA));

        Assert.Contains("already in use", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rotation_with_the_wrong_current_master_key_changes_nothing()
    {
        EncryptionTestData.Open(_database, EncryptionTestData.MasterA);

        Assert.Throws<EncryptionKeyException>(() => EncryptionTestData.Rotate(_database, EncryptionTestData.MasterB, EncryptionTestData.MasterC));

        Assert.All(EncryptionTestData.Rows(_database), row => Assert.Equal(EncryptionTestData.MasterA.KeyId, row.MasterKeyId));
    }

    [Fact]
    public void A_previous_master_key_is_accepted_for_unwrapping_only()
    {
        var before = EncryptionTestData.Open(_database, EncryptionTestData.MasterA);

        var during = EncryptionTestData.Open(_database, new MasterKeySet(EncryptionTestData.MasterB, [EncryptionTestData.MasterA]));

        Assert.Equal(EncryptionTestData.Keys(before), EncryptionTestData.Keys(during));
        Assert.All(EncryptionTestData.Rows(_database), row => Assert.Equal(EncryptionTestData.MasterA.KeyId, row.MasterKeyId));
    }
}
