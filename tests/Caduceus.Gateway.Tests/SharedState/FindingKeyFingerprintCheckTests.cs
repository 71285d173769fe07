using System.Security.Cryptography;
using Caduceus.Gateway.Tests.Infrastructure;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>Instances on one shared database must share the audit finding key: one with another key refuses to start.</summary>
public sealed class FindingKeyFingerprintCheckTests : IAsyncLifetime
{
    private SharedStateFleet? _fleet;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _fleet = await SharedStateFleet.CreateAsync();

    public async ValueTask DisposeAsync() => await _fleet!.DisposeAsync();

    [Fact]
    public async Task An_instance_with_another_finding_key_refuses_to_start_and_one_with_the_same_key_starts()
    {
        var (sharedPath, sharedKey) = WriteFindingKey("shared.key");
        var (otherPath, _) = WriteFindingKey("other.key");
        await using var first = await StartInstanceAsync(sharedPath);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartInstanceAsync(otherPath));
        await using var second = await StartInstanceAsync(sharedPath);

        Assert.Contains("Audit:FindingKeyFile", refused.Message, StringComparison.Ordinal);
        Assert.Contains(otherPath, refused.Message, StringComparison.Ordinal);
        Assert.Contains("not the key the other instances", refused.Message, StringComparison.Ordinal);
        var stored = await StoredFingerprintAsync();
        Assert.Equal(64, stored.Length);
        Assert.DoesNotContain(Convert.ToBase64String(sharedKey), stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexStringLower(sharedKey), stored, StringComparison.Ordinal);
    }

    private (string Path, byte[] Key) WriteFindingKey(string name)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var path = Path.Combine(_fleet!.Directory, name);
        File.WriteAllText(path, Convert.ToBase64String(key) + "\n");
        return (path, key);
    }

    private Task<GatewayHarness> StartInstanceAsync(string findingKeyFile) =>
        _fleet!.StartInstanceAsync(new Dictionary<string, string?> { ["Audit:FindingKeyFile"] = findingKeyFile });

    private Task<string> StoredFingerprintAsync() => _fleet!.ScalarAsync<string>("SELECT fingerprint FROM finding_key_fingerprint");
}
