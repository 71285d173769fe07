using System.Security.Cryptography;
using System.Text;

namespace Caduceus.Gateway.Verification;

/// <summary>What one verification attempt is about: the conversation, where it comes from, and the application's rules.</summary>
internal sealed record VerificationAttempt(string ConversationKey, string? ClientAddress, CallerVerificationOptions Options);

/// <summary>How an attempt ended.</summary>
internal enum VerificationOutcome
{
    Verified,
    CodeSent,
    Failed,
    Locked,
    NoCodePending,
    Ambiguous,
}

/// <summary>An attempt's outcome, the conversation's state after it, and when a locked caller may try again.</summary>
internal sealed record VerificationResult(VerificationOutcome Outcome, ConversationVerification State, DateTimeOffset? RetryAt = null);

/// <summary>
/// Verifies callers of phone and chat assistants against the patient directory: name and date of birth, then (if the
/// application asks for it) a one-time code sent to the patient's phone on record. Keeps each conversation's state
/// with an expiry in <see cref="IVerificationStateStore"/>, and locks out a conversation or a client address after
/// too many failures. A failure never says which factor was wrong or whether the patient exists.
/// </summary>
internal sealed class CallerVerifier(IPatientDirectory? directory, IOneTimeCodeSender? codeSender, IVerificationStateStore store, TimeProvider timeProvider)
{
    /// <summary>The conversation's state now; an expired one reads as unverified.</summary>
    public async ValueTask<ConversationVerification> CurrentAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var state = await store.GetAsync(conversationKey, cancellationToken);
        return state is not null && state.ExpiresAt > timeProvider.GetUtcNow() ? state : ConversationVerification.Unverified;
    }

    public async Task<VerificationResult> StartAsync(VerificationAttempt attempt, string name, DateOnly dateOfBirth, CancellationToken cancellationToken)
    {
        if (await LockedUntilAsync(attempt, cancellationToken) is { } until)
        {
            return new VerificationResult(VerificationOutcome.Locked, await CurrentAsync(attempt.ConversationKey, cancellationToken), until);
        }

        var matches = directory is null ? [] : await directory.FindAsync(name, dateOfBirth, cancellationToken);
        if (matches.Count == 0)
        {
            return await FailAsync(attempt, cancellationToken);
        }

        if (matches.Count > 1)
        {
            // Two patients share a name and birth date: no factor here can tell them apart, so nobody is verified.
            return new VerificationResult(VerificationOutcome.Ambiguous, await CurrentAsync(attempt.ConversationKey, cancellationToken));
        }

        var patient = matches[0];
        var now = timeProvider.GetUtcNow();

        // Guessing codes for one patient from many conversations and addresses is still guessing at one identity.
        if (await store.LockedUntilAsync(PatientFailures(patient.Id), attempt.Options.MaxFailedAttempts, cancellationToken) is { } patientLocked)
        {
            return new VerificationResult(VerificationOutcome.Locked, await CurrentAsync(attempt.ConversationKey, cancellationToken), patientLocked);
        }

        if (!attempt.Options.Factors.Contains(VerificationFactor.OneTimeCode))
        {
            return await VerifyAsync(attempt, patient.Id, now, cancellationToken);
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        await codeSender!.SendAsync(patient, code, cancellationToken);
        var pending = new ConversationVerification(VerificationStatus.CodeSent, patient.Id, now + attempt.Options.CodeLifetime, HashCode(attempt.ConversationKey, code));
        await store.SetAsync(attempt.ConversationKey, pending, cancellationToken);
        return new VerificationResult(VerificationOutcome.CodeSent, pending);
    }

    public async Task<VerificationResult> ConfirmAsync(VerificationAttempt attempt, string code, CancellationToken cancellationToken)
    {
        if (await LockedUntilAsync(attempt, cancellationToken) is { } until)
        {
            return new VerificationResult(VerificationOutcome.Locked, await CurrentAsync(attempt.ConversationKey, cancellationToken), until);
        }

        var state = await CurrentAsync(attempt.ConversationKey, cancellationToken);
        if (state.Status != VerificationStatus.CodeSent || state.CodeHash is null)
        {
            return new VerificationResult(VerificationOutcome.NoCodePending, state);
        }

        if (!CryptographicOperations.FixedTimeEquals(state.CodeHash, HashCode(attempt.ConversationKey, code.Trim())))
        {
            await store.RecordFailureAsync(PatientFailures(state.PatientId!), attempt.Options.Lockout, cancellationToken);
            return await FailAsync(attempt, cancellationToken);
        }

        return await VerifyAsync(attempt, state.PatientId!, timeProvider.GetUtcNow(), cancellationToken);
    }

    public ValueTask EndAsync(string conversationKey, CancellationToken cancellationToken) => store.RemoveAsync(conversationKey, cancellationToken);

    private async Task<VerificationResult> VerifyAsync(VerificationAttempt attempt, string patientId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var verified = new ConversationVerification(VerificationStatus.Verified, patientId, now + attempt.Options.VerifiedLifetime, null) { VerifiedAt = now };
        await store.SetAsync(attempt.ConversationKey, verified, cancellationToken);
        await store.ClearFailuresAsync(ConversationFailures(attempt), cancellationToken);
        return new VerificationResult(VerificationOutcome.Verified, verified);
    }

    private async Task<VerificationResult> FailAsync(VerificationAttempt attempt, CancellationToken cancellationToken)
    {
        var conversationFailures = await store.RecordFailureAsync(ConversationFailures(attempt), attempt.Options.Lockout, cancellationToken);
        var addressFailures = attempt.ClientAddress is null ? 0 : await store.RecordFailureAsync(AddressFailures(attempt), attempt.Options.Lockout, cancellationToken);

        // A failed code ends the pending verification: the caller starts again, and the code cannot be guessed at leisure.
        if ((await CurrentAsync(attempt.ConversationKey, cancellationToken)).Status == VerificationStatus.CodeSent)
        {
            await store.RemoveAsync(attempt.ConversationKey, cancellationToken);
        }

        var locked = Math.Max(conversationFailures, addressFailures) >= attempt.Options.MaxFailedAttempts;
        return new VerificationResult(
            locked ? VerificationOutcome.Locked : VerificationOutcome.Failed,
            await CurrentAsync(attempt.ConversationKey, cancellationToken),
            locked ? await LockedUntilAsync(attempt, cancellationToken) : null);
    }

    private async ValueTask<DateTimeOffset?> LockedUntilAsync(VerificationAttempt attempt, CancellationToken cancellationToken)
    {
        var max = attempt.Options.MaxFailedAttempts;
        var conversation = await store.LockedUntilAsync(ConversationFailures(attempt), max, cancellationToken);
        var address = attempt.ClientAddress is null ? null : await store.LockedUntilAsync(AddressFailures(attempt), max, cancellationToken);
        return conversation > address || address is null ? conversation : address;
    }

    private byte[] HashCode(string conversationKey, string code) =>
        HMACSHA256.HashData(store.CodeKey, Encoding.UTF8.GetBytes(conversationKey + "\n" + code));

    private static string ConversationFailures(VerificationAttempt attempt) => "conversation\n" + attempt.ConversationKey;

    private static string AddressFailures(VerificationAttempt attempt) => "address\n" + attempt.ClientAddress;

    private static string PatientFailures(string patientId) => "patient\n" + patientId;
}
