using Caduceus.Gateway.Lockout;

namespace Caduceus.Gateway.Tests.Lockout;

/// <summary>The failure counter contract in one instance's memory (no shared state).</summary>
public sealed class InMemoryFailureCounterStoreTests : FailureCounterStoreContractTests
{
    private readonly InMemoryFailureCounterStore _store = new(TimeProvider.System);

    private protected override IFailureCounterStore Store => _store;

    private protected override IFailureCounterStore OpenSecondStore() => _store;
}
