using System.Security.Cryptography;
using OtpNet;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>RFC 6238 TOTP as authenticator apps expect it: SHA-1, 6 digits, 30-second steps, 160-bit seeds.</summary>
internal static class TotpCodes
{
    public const int SeedLength = 20;
    public const int Digits = 6;

    public static byte[] NewSeed() => RandomNumberGenerator.GetBytes(SeedLength);

    /// <summary>The <c>otpauth://</c> URI an authenticator app scans. It carries the seed: show it once, never log it.</summary>
    public static string EnrollmentUri(byte[] seed, string issuer, string account) =>
        new OtpUri(OtpType.Totp, seed, account, issuer, OtpHashMode.Sha1, Digits, 30).ToString();

    /// <summary>True when <paramref name="code"/> six digits, as a person types them (spaces allowed).</summary>
    public static bool TryNormalize(string? code, out string normalized)
    {
        normalized = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        return normalized.Length == Digits && normalized.All(char.IsAsciiDigit);
    }

    /// <summary>The time step whose code <paramref name="code"/> is, within one step either side of <paramref name="now"/>.</summary>
    public static bool TryMatch(byte[] seed, string code, DateTimeOffset now, out long step)
    {
        var totp = new Totp(seed, 30, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(now.UtcDateTime, code, out step, new VerificationWindow(previous: 1, future: 1));
    }
}
