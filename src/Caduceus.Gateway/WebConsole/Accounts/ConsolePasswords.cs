using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Caduceus.Gateway.WebConsole.Accounts;

/// <summary>
/// Hashes console passwords with PBKDF2-HMAC-SHA256, 600,000 iterations and a 128-bit salt (OWASP's 2023 figure), in
/// the self-describing form <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> so the count can rise later.
/// </summary>
public static class ConsolePasswords
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;
    private const int Iterations = 600_000;
    private const string Scheme = "pbkdf2-sha256";

    // Verified against when the account does not exist, so a wrong name costs as long as a wrong password.
    private static readonly Lazy<string> Decoy = new(() => Hash("decoy password that matches nothing"));

    public static bool IsAcceptable(string? password, out string error)
    {
        error = password is null || password.Length < MinimumLength
            ? $"a console password needs at least {MinimumLength} characters."
            : password.Length > MaximumLength ? $"a console password has at most {MaximumLength} characters." : string.Empty;
        return error.Length == 0;
    }

    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>True when <paramref name="password"/> matches <paramref name="stored"/>; a null <paramref name="stored"/> costs the same and is false.</summary>
    public static bool Verify(string password, string? stored)
    {
        var parts = (stored ?? Decoy.Value).Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(parts[2]), iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && stored is not null;
    }
}
