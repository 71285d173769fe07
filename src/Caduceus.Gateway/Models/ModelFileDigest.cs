using System.Security.Cryptography;

namespace Caduceus.Gateway.Models;

/// <summary>A model file's name (<c>embedded:RESOURCE</c> or a path), SHA-256 (lowercase hex) and size in bytes.</summary>
public sealed record ModelFileDigest(string Name, string Sha256, long Size)
{
    public const string EmbeddedPrefix = "embedded:";

    public static ModelFileDigest Compute(string name, Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = content.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            size += read;
        }

        return new ModelFileDigest(name, Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    public static ModelFileDigest ComputeFile(string path)
    {
        using var file = File.OpenRead(path);
        return Compute(path, file);
    }
}
