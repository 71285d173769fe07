using System.Globalization;
using System.Text;

namespace Caduceus.Gateway.Models;

/// <summary>
/// The signed list of model files (<c>caduceus models sign</c>). The signature (ECDSA P-256, SHA-256, IEEE P1363,
/// base64) is over <see cref="SignedContent"/>: one line per file, <c>name TAB sha256 TAB size</c>, sorted by name, so
/// verifying never depends on how the JSON was laid out.
/// </summary>
public sealed record ModelManifest(int Version, IReadOnlyList<ModelFileDigest> Files, string Signature)
{
    public const int CurrentVersion = 1;

    public static byte[] SignedContent(int version, IEnumerable<ModelFileDigest> files)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"caduceus-model-manifest v{version}\n");
        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{file.Name}\t{file.Sha256}\t{file.Size}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
