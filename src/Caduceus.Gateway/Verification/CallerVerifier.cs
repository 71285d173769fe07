using System.Collections.Concurrent;
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
/// in memory with an expiry, and locks out a conversation or a client address after too many failures. A failure
/// never says which factor was wrong or whether the patient exists.
/// </summary>
internal sealed class CallerVerifier(IPatientDirectory? directory, IOneTimeCodeSender? codeSender, TimeProvider timeProvider)
{
    private const int MaxConversations = 100_000;

    // Codes are compared as keyed hashes, so the state never holds a usable code and comparison takes constant time.
    private readonly byte[] _codeKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, ConversationVerification> _states = new(StringComparer.Ordinal);
    private readonly FailedAttempts _failures = new(timeProvider);

    public bool HasDirectory => directory is not null;

    public bool CanSendCodes => codeSender is not null;

    /// <summary>The conversation's state now; an expired one reads as unverified.</summary>
    public ConversationVerification Current(string conversationKey)
    {
        if (_states.TryGetValue(conversationKey, out var state) && state.ExpiresAt > timeProvider.GetUtcNow())
        {
            return state;
        }

        return ConversationVerification.Unverified;
    }

    public async Task<VerificationResult> StartAsync(VerificationAttempt attempt, string name, DateOnly dateOfBirth, CancellationToken cancellationToken)
    {
        if (LockedUntil(attempt) is { } until)
        {
            return new VerificationResult(VerificationOutcome.Locked, Current(attempt.ConversationKey), until);
        }

        var matches = directory is null ? [] : await directory.FindAsync(name, dateOfBirth, cancellationToken);
        if (matches.Count == 0)
        {
            return Fail(attempt);
        }

        if (matches.Count > 1)
        {
            // Two patients share a name and birth date: no factor here can tell them apart, so nobody is verified.
            return new VerificationResult(VerificationOutcome.Ambiguous, Current(attempt.ConversationKey));
        }

        var patient = matches[0];
        var now = timeProvider.GetUtcNow();

        // Guessing codes for one patient from many conversations and addresses is still guessing at one identity.
        if (_failures.LockedUntil(PatientFailures(patient.Id), attempt.Options.MaxFailedAttempts) is { } patientLocked)
        {
            return new VerificationResult(VerificationOutcome.Locked, Current(attempt.ConversationKey), patientLocked);
        }

        if (!attempt.Options.Factors.Contains(VerificationFactor.OneTimeCode))
        {
            return Verify(attempt, patient.Id, now);
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        await codeSender!.SendAsync(patient, code, cancellationToken);
        var pending = new ConversationVerification(VerificationStatus.CodeSent, patient.Id, now + attempt.Options.CodeLifetime, HashCode(attempt.ConversationKey, code));
        Store(attempt.ConversationKey, pending);
        return new VerificationResult(VerificationOutcome.CodeSent, pending);
    }

    public VerificationResult Confirm(VerificationAttempt attempt, string code)
    {
        if (LockedUntil(attempt) is { } until)
        {
            return new VerificationResult(VerificationOutcome.Locked, Current(attempt.ConversationKey), until);
        }

        var state = Current(attempt.ConversationKey);
        if (state.Status != VerificationStatus.CodeSent || state.CodeHash is null)
        {
            return new VerificationResult(VerificationOutcome.NoCodePending, state);
        }

        if (!CryptographicOperations.FixedTimeEquals(state.CodeHash, HashCode(attempt.ConversationKey, code.Trim())))
        {
            _failures.Record(PatientFailures(state.PatientId!), attempt.Options.Lockout);
            return Fail(attempt);
        }

        return Verify(attempt, state.PatientId!, timeProvider.GetUtcNow());
    }

    public void End(string conversationKey) => _states.TryRemove(conversationKey, out _);

    private VerificationResult Verify(VerificationAttempt attempt, string patientId, DateTimeOffset now)
    {
        var verified = new ConversationVerification(VerificationStatus.Verified, patientId, now + attempt.Options.VerifiedLifetime, null) { VerifiedAt = now };
        Store(attempt.ConversationKey, verified);
        _failures.Clear(ConversationFailures(attempt));
        return new VerificationResult(VerificationOutcome.Verified, verified);
    }

    private VerificationResult Fail(VerificationAttempt attempt)
    {
        var conversationFailures = _failures.Record(ConversationFailures(attempt), attempt.Options.Lockout);
        var addressFailures = attempt.ClientAddress is null ? 0 : _failures.Record(AddressFailures(attempt), attempt.Options.Lockout);

        // A failed code ends the pending verification: the caller starts again, and the code cannot be guessed at leisure.
        if (Current(attempt.ConversationKey).Status == VerificationStatus.CodeSent)
        {
            _states.TryRemove(attempt.ConversationKey, out _);
        }

        var locked = Math.Max(conversationFailures, addressFailures) >= attempt.Options.MaxFailedAttempts;
        return new VerificationResult(locked ? VerificationOutcome.Locked : VerificationOutcome.Failed, Current(attempt.ConversationKey), locked ? LockedUntil(attempt) : null);
    }

    private DateTimeOffset? LockedUntil(VerificationAttempt attempt)
    {
        var max = attempt.Options.MaxFailedAttempts;
        var conversation = _failures.LockedUntil(ConversationFailures(attempt), max);
        var address = attempt.ClientAddress is null ? null : _failures.LockedUntil(AddressFailures(attempt), max);
        return conversation > address || address is null ? conversation : address;
    }

    private void Store(string conversationKey, ConversationVerification state)
    {
        if (_states.Count >= MaxConversations)
        {
            var now = timeProvider.GetUtcNow();
            foreach (var (key, existing) in _states)
            {
                if (existing.ExpiresAt <= now)
                {
                    _states.TryRemove(key, out _);
                }
            }
        }

        _states[conversationKey] = state;
    }

    private byte[] HashCode(string conversationKey, string code) =>
        HMACSHA256.HashData(_codeKey, Encoding.UTF8.GetBytes(conversationKey + "\n" + code));

    private static string ConversationFailures(VerificationAttempt attempt) => "conversation\n" + attempt.ConversationKey;

    private static string AddressFailures(VerificationAttempt attempt) => "address\n" + attempt.ClientAddress;

    private static string PatientFailures(string patientId) => "patient\n" + patientId;
}
