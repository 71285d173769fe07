using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Tests.Vault;
using Caduceus.Gateway.Vault;

namespace Caduceus.Gateway.Tests.Encryption;

public sealed class MasterKeyLoaderTests
{
    private readonly string _directory = VaultTestData.NewDirectory();

    [Fact]
    public void Without_encryption_settings_the_vault_key_is_the_master_key()
    {
        var master = MasterKeyLoader.Load(new EncryptionOptions(), new VaultOptions { Key = VaultTestData.KeyA.ToBase64() }, _directory);

        Assert.Equal(EncryptionTestData.MasterA.KeyId, master.KeyId);
        Assert.Equal("Vault:Key", master.Source);
    }

    [Fact]
    public void Without_any_key_one_is_generated_in_the_data_directory_and_found_again()
    {
        Assert.Null(MasterKeyLoader.TryLoadExisting(new EncryptionOptions(), new VaultOptions(), _directory));

        var generated = MasterKeyLoader.Load(new EncryptionOptions(), new VaultOptions(), _directory);

        Assert.True(File.Exists(Path.Combine(_directory, VaultKeyLoader.DefaultFileName)));
        Assert.Equal(generated.KeyId, MasterKeyLoader.TryLoadExisting(new EncryptionOptions(), new VaultOptions(), _directory)!.KeyId);
    }

    [Fact]
    public void The_master_key_file_wins_over_the_vault_key()
    {
        var file = EncryptionTestData.WriteKeyFile(_directory, EncryptionTestData.KeyC, "master.key");

        var master = MasterKeyLoader.Load(new EncryptionOptions { MasterKeyFile = file }, new VaultOptions { Key = VaultTestData.KeyA.ToBase64() }, _directory);

        Assert.Equal(EncryptionTestData.MasterC.KeyId, master.KeyId);
        Assert.Contains("Encryption:MasterKeyFile", master.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_master_key_from_the_named_environment_variable()
    {
        var variable = "CADUCEUS_TEST_MASTER_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, EncryptionTestData.KeyC.ToBase64());
        try
        {
            var master = MasterKeyLoader.Load(new EncryptionOptions { MasterKeyEnvironmentVariable = variable }, new VaultOptions(), _directory);

            Assert.Equal(EncryptionTestData.MasterC.KeyId, master.KeyId);
            Assert.False(File.Exists(Path.Combine(_directory, VaultKeyLoader.DefaultFileName)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64 at all, 536-22-1843")]
    public void An_unset_or_garbled_environment_variable_fails_naming_it_and_not_its_content(string? value)
    {
        var variable = "CADUCEUS_TEST_MASTER_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, value);
        try
        {
            var exception = Assert.Throws<EncryptionKeyException>(() =>
                MasterKeyLoader.Load(new EncryptionOptions { MasterKeyEnvironmentVariable = variable }, new VaultOptions(), _directory));

            Assert.Contains(variable, exception.Message, StringComparison.Ordinal);
            Assert.Contains("Encryption:MasterKeyEnvironmentVariable", exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("536-22-1843", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void A_garbled_or_missing_key_file_fails_naming_the_setting_and_not_the_content()
    {
        Directory.CreateDirectory(_directory);
        var garbled = Path.Combine(_directory, "garbled.key");
        File.WriteAllText(garbled, "SSN 536-22-1843\n");

        var bad = Assert.Throws<EncryptionKeyException>(() => MasterKeyLoader.FromFile(garbled, "--new-key-file"));
        var missing = Assert.Throws<EncryptionKeyException>(() => MasterKeyLoader.FromFile(Path.Combine(_directory, "none.key"), "Encryption:MasterKeyFile"));

        Assert.StartsWith("--new-key-file '", bad.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("536-22-1843", bad.Message, StringComparison.Ordinal);
        Assert.Contains("Encryption:MasterKeyFile", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_a_file_and_a_variable_is_refused()
    {
        Assert.Throws<EncryptionKeyException>(() =>
            MasterKeyLoader.Load(new EncryptionOptions { MasterKeyFile = "a", MasterKeyEnvironmentVariable = "B" }, new VaultOptions(), _directory));
        Assert.False(new EncryptionOptionsValidator().Validate(null, new EncryptionOptions { MasterKeyFile = "a", MasterKeyEnvironmentVariable = "B" }).Succeeded);
    }
}
