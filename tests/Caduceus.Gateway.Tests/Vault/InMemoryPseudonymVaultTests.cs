using Caduceus.Gateway.Vault;

namespace Caduceus.Gateway.Tests.Vault;

public sealed class InMemoryPseudonymVaultTests : PseudonymVaultContractTests
{
    private protected override IPseudonymVault CreateVault(TimeSpan timeToLive) => new InMemoryPseudonymVault(Clock, VaultTestData.Options(timeToLive));
}
