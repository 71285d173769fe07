using System.Security.Cryptography;
using System.Text.Json;

namespace Caduceus.Gateway.Models;

/// <summary>Signs and verifies model manifests with the deployment's ECDSA P-256 key pair (PEM files).</summary>
public static class ModelManifestSigner
{
    public static ModelManifest Sign(IReadOnlyList<ModelFileDigest> files, ECDsa privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        var signature = privateKey.SignData(ModelManifest.SignedContent(ModelManifest.CurrentVersion, files), HashAlgorithmName.SHA256);
        return new ModelManifest(ModelManifest.CurrentVersion, files.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray(), Convert.ToBase64String(signature));
    }

    public static bool Verify(ModelManifest manifest, ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(publicKey);
        Span<byte> signature = stackalloc byte[256];
        return Convert.TryFromBase64String(manifest.Signature, signature, out var length)
            && publicKey.VerifyData(ModelManifest.SignedContent(manifest.Version, manifest.Files), signature[..length], HashAlgorithmName.SHA256);
    }

    /// <summary>Reads a P-256 key from a PEM file; a missing file or another kind of key is an <see cref="InvalidDataException"/> with a one-line reason.</summary>
    public static ECDsa LoadKey(string path, bool requirePrivate)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"the key file '{path}' could not be read: {exception.Message}", exception);
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.KeySize != 256 || (requirePrivate && !HasPrivateKey(key)))
            {
                throw new InvalidDataException($"the key file '{path}' does not hold an ECDSA P-256 {(requirePrivate ? "private" : "public")} key.");
            }

            return key;
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidDataException($"the key file '{path}' does not hold an ECDSA P-256 {(requirePrivate ? "private" : "public")} key in PEM.", exception);
        }
        catch (InvalidDataException)
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Reads a manifest; anything but a well-formed one is an <see cref="InvalidDataException"/> with a one-line reason.</summary>
    public static ModelManifest LoadManifest(string path)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize(File.ReadAllText(path), ModelManifestJsonContext.Default.ModelManifest);
            if (manifest is null || manifest.Version != ModelManifest.CurrentVersion || manifest.Files is null || manifest.Signature is null
                || manifest.Files.Any(f => f is null || string.IsNullOrEmpty(f.Name) || string.IsNullOrEmpty(f.Sha256)))
            {
                throw new InvalidDataException($"the manifest '{path}' is not a version {ModelManifest.CurrentVersion} model manifest.");
            }

            return manifest;
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"the manifest '{path}' is not valid JSON.", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"the manifest '{path}' could not be read: {exception.Message}", exception);
        }
    }

    private static bool HasPrivateKey(ECDsa key)
    {
        try
        {
            _ = key.ExportParameters(includePrivateParameters: true);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
