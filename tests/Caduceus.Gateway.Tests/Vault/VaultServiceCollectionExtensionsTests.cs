using Caduceus.Detection;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Vault;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Tests.Vault;

public sealed class VaultServiceCollectionExtensionsTests
{
    [Theory]
    [InlineData("Sqlite", typeof(SqlitePseudonymVault))]
    [InlineData("Memory", typeof(InMemoryPseudonymVault))]
    public async Task Registers_the_configured_store_with_a_generated_key(string store, Type expected)
    {
        var directory = VaultTestData.NewDirectory();
        await using var provider = Services(directory, new Dictionary<string, string?> { ["Vault:Store"] = store });

        var vault = provider.GetRequiredService<IPseudonymVault>();
        var scope = await vault.OpenScopeAsync("c", TestContext.Current.CancellationToken);
        scope.Pseudonyms.GetOrIssue(EntityTypes.Ssn, VaultTestData.Ssn);

        Assert.IsType(expected, vault);
        Assert.True(await vault.TryCommitAsync(scope, TestContext.Current.CancellationToken));
        Assert.Equal(DataKeyPurposes.All.Count, provider.GetRequiredService<DataKeyring>().Count);
        Assert.True(File.Exists(Path.Combine(directory, VaultKeyLoader.DefaultFileName)));
    }

    [Fact]
    public async Task A_wrong_key_stops_the_start()
    {
        var directory = VaultTestData.NewDirectory();
        await using (var first = Services(directory, new Dictionary<string, string?> { ["Vault:Key"] = VaultTestData.KeyA.ToBase64() }))
        {
            await StartAsync(first);
        }

        await using var second = Services(directory, new Dictionary<string, string?> { ["Vault:Key"] = VaultTestData.KeyB.ToBase64() });

        var exception = await Assert.ThrowsAsync<EncryptionKeyException>(() => StartAsync(second));
        Assert.Contains("configured master key (Vault:Key)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validates_the_vault_section()
    {
        await using var provider = Services(VaultTestData.NewDirectory(), new Dictionary<string, string?> { ["Vault:TimeToLive"] = "-00:01:00" });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<VaultOptions>>().Value);

        Assert.Contains("Vault:TimeToLive", exception.Message, StringComparison.Ordinal);
    }

    private static async Task StartAsync(ServiceProvider provider)
    {
        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(TestContext.Current.CancellationToken);
            await service.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    private static ServiceProvider Services(string directory, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders());
        services.AddSingleton(Options.Create(new GatewayOptions { DataDirectory = directory }));
        services.AddSingleton<GatewayDatabase>();
        services.AddEncryptionAtRest(configuration);
        services.AddPseudonymVault(configuration);
        return services.BuildServiceProvider();
    }
}
