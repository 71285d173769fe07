using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>Makes and hashes admin session tokens: 256 random bits, recognisable to secret scanners, stored only as SHA-256.</summary>
internal static class AdminSessionTokens
{
    public const string Prefix = "cas_";

    /// <summary>The request header that carries the token.</summary>
    public const string HeaderName = "X-Caduceus-Admin-Session";

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
