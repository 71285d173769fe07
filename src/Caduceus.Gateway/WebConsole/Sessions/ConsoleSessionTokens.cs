using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Caduceus.Gateway.WebConsole.Sessions;

/// <summary>Console session tokens: 256 random bits in an HttpOnly cookie, stored only as SHA-256.</summary>
internal static class ConsoleSessionTokens
{
    public const string Prefix = "ccs_";

    public const string CookieName = "caduceus_console";

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
