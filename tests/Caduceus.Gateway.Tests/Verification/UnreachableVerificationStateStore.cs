using Caduceus.Gateway.Verification;

namespace Caduceus.Gateway.Tests.Verification;

/// <summary>A shared verification store whose server is down: every call fails as the PostgreSQL store's would.</summary>
internal sealed class UnreachableVerificationStateStore : IVerificationStateStore
{
    public byte[] CodeKey { get; } = new byte[32];

    public ValueTask<ConversationVerification?> GetAsync(string conversationKey, CancellationToken cancellationToken) => throw Unreachable();

    public ValueTask SetAsync(string conversationKey, ConversationVerification state, CancellationToken cancellationToken) => throw Unreachable();

    public ValueTask RemoveAsync(string conversationKey, CancellationToken cancellationToken) => throw Unreachable();

    public ValueTask<DateTimeOffset?> LockedUntilAsync(string failureKey, int maxFailures, CancellationToken cancellationToken) => throw Unreachable();

    public ValueTask<int> RecordFailureAsync(string failureKey, TimeSpan window, CancellationToken cancellationToken) => throw Unreachable();

    public ValueTask ClearFailuresAsync(string failureKey, CancellationToken cancellationToken) => throw Unreachable();

    private static VerificationStateUnavailableException Unreachable() =>
        new("The verification state in the PostgreSQL database 'test' cannot be reached.", new TimeoutException());
}
