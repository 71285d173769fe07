using Caduceus.Gateway.Vault;

namespace Caduceus.Gateway.Tests.Vault;

public sealed class VaultOptionsValidatorTests
{
    private static IEnumerable<string> Failures(VaultOptions options) =>
        new VaultOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void Accepts_the_defaults_and_a_valid_key()
    {
        Assert.Empty(Failures(new VaultOptions()));
        Assert.Empty(Failures(new VaultOptions { Key = VaultTestData.KeyA.ToBase64(), TimeToLive = TimeSpan.FromMinutes(5), Store = VaultStore.Memory }));
    }

    [Fact]
    public void Rejects_a_malformed_key_without_showing_it()
    {
        var failure = Assert.Single(Failures(new VaultOptions { Key = "dG9vIHNob3J0" }));

        Assert.Contains("Vault:Key", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("dG9vIHNob3J0", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_both_key_settings_a_missing_file_and_bad_durations()
    {
        Assert.Single(Failures(new VaultOptions { Key = VaultTestData.KeyA.ToBase64(), KeyFile = "k" }));
        Assert.Single(Failures(new VaultOptions { KeyFile = "/nonexistent/vault.key" }));
        Assert.Single(Failures(new VaultOptions { TimeToLive = TimeSpan.Zero }));
        Assert.Single(Failures(new VaultOptions { TimeToLive = TimeSpan.FromDays(91) }));
        Assert.Single(Failures(new VaultOptions { PurgeInterval = TimeSpan.Zero }));
        Assert.Single(Failures(new VaultOptions { Store = (VaultStore)7 }));
    }
}
