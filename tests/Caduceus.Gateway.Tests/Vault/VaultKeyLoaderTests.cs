using Caduceus.Gateway.Vault;

namespace Caduceus.Gateway.Tests.Vault;

public sealed class VaultKeyLoaderTests
{
    private readonly string _directory = VaultTestData.NewDirectory();

    [Fact]
    public void Generates_a_private_key_file_on_first_start_and_reuses_it()
    {
        var key = VaultKeyLoader.Load(new VaultOptions(), _directory);
        var path = Path.Combine(_directory, VaultKeyLoader.DefaultFileName);

        Assert.True(File.Exists(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_directory));
        }

        var again = VaultKeyLoader.Load(new VaultOptions(), _directory);
        Assert.Equal(key.Derive("test"), again.Derive("test"));
        Assert.Equal(key.Derive("test"), VaultKeyLoader.TryLoadExisting(new VaultOptions(), _directory)!.Derive("test"));
    }

    [Fact]
    public void Does_not_create_a_file_when_asked_only_for_an_existing_key()
    {
        Assert.Null(VaultKeyLoader.TryLoadExisting(new VaultOptions(), _directory));
        Assert.False(File.Exists(Path.Combine(_directory, VaultKeyLoader.DefaultFileName)));
    }

    [Fact]
    public void Prefers_the_configured_key()
    {
        var key = VaultKeyLoader.Load(new VaultOptions { Key = VaultTestData.KeyA.ToBase64() }, _directory);

        Assert.Equal(VaultTestData.KeyA.Derive("test"), key.Derive("test"));
        Assert.False(File.Exists(Path.Combine(_directory, VaultKeyLoader.DefaultFileName)));
    }

    [Fact]
    public void Reads_a_configured_key_file()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, VaultTestData.KeyB.ToBase64() + "\n");

        var key = VaultKeyLoader.Load(new VaultOptions { KeyFile = file }, _directory);

        Assert.Equal(VaultTestData.KeyB.Derive("test"), key.Derive("test"));
        File.Delete(file);
    }

    [Theory]
    [InlineData("bm90IGEga2V5")]
    [InlineData("not base64 at all!")]
    public void Rejects_a_bad_key_without_showing_it(string badKey)
    {
        var exception = Assert.Throws<PseudonymVaultException>(() => VaultKeyLoader.Load(new VaultOptions { Key = badKey }, _directory));

        Assert.Contains("Vault:Key", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(badKey, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_key_file_with_the_wrong_content_without_showing_it()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "c2hvcnQ=");

        var exception = Assert.Throws<PseudonymVaultException>(() => VaultKeyLoader.Load(new VaultOptions { KeyFile = file }, _directory));

        Assert.Contains("Vault:KeyFile", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2hvcnQ=", exception.Message, StringComparison.Ordinal);
        File.Delete(file);
    }

    [Fact]
    public void Rejects_a_missing_key_file_and_both_settings_at_once()
    {
        Assert.Throws<PseudonymVaultException>(() => VaultKeyLoader.Load(new VaultOptions { KeyFile = "/nonexistent/vault.key" }, _directory));
        Assert.Throws<PseudonymVaultException>(() => VaultKeyLoader.Load(new VaultOptions { Key = VaultTestData.KeyA.ToBase64(), KeyFile = "x" }, _directory));
    }

    [Fact]
    public void Never_prints_key_material()
    {
        Assert.DoesNotContain(VaultTestData.KeyA.ToBase64(), VaultTestData.KeyA.ToString(), StringComparison.Ordinal);
    }
}
