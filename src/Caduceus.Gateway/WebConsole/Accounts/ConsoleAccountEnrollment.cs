using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Encryption;

namespace Caduceus.Gateway.WebConsole.Accounts;

/// <summary>
/// Creates console accounts (the <c>caduceus console-users add</c> verb and tests): checks the name, roles and
/// password, hashes the password, makes and seals a TOTP seed, and returns the <c>otpauth://</c> URI to show once.
/// </summary>
public static class ConsoleAccountEnrollment
{
    public const string Issuer = "Caduceus console";
    private const int MaxNameLength = 64;

    /// <summary>The new account and its enrollment URI, or false with a one-line reason (name taken, bad input).</summary>
    public static async Task<(ConsoleAccount? Account, string? OtpauthUri, string? Error)> AddAsync(
        IConsoleAccountStore store, DataKeyring keyring, string? name, IEnumerable<string> roles, string? password, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!TryValidate(name, roles, password, out var normalized, out var parsedRoles, out var error))
        {
            return (null, null, error);
        }

        var id = ConsoleAccount.NewId();
        var seed = TotpCodes.NewSeed();
        try
        {
            var account = new ConsoleAccount
            {
                Id = id,
                Name = normalized,
                Roles = parsedRoles,
                PasswordHash = ConsolePasswords.Hash(password!),
                SealedTotpSeed = new ConsoleTotpCipher(keyring).Seal(id, seed),
                CreatedAt = now,
            };
            return await store.AddAsync(account, cancellationToken)
                ? (account, TotpCodes.EnrollmentUri(seed, Issuer, normalized), null)
                : (null, null, $"a console account named '{normalized}' already exists.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    private static bool TryValidate(
        string? name, IEnumerable<string> roles, string? password, out string normalized, out IReadOnlyList<string> parsedRoles, [NotNullWhen(false)] out string? error)
    {
        normalized = (name ?? string.Empty).Trim().ToLowerInvariant();
        parsedRoles = [];
        if (normalized.Length is 0 or > MaxNameLength || !normalized.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            error = $"a console account name is 1 to {MaxNameLength} letters, digits, '.', '_' or '-'.";
            return false;
        }

        if (!ConsoleRoles.TryParse(roles, out parsedRoles, out var roleError))
        {
            error = roleError;
            return false;
        }

        if (!ConsolePasswords.IsAcceptable(password, out var passwordError))
        {
            error = passwordError;
            return false;
        }

        error = null;
        return true;
    }
}
