using System.Security.Cryptography;
using System.Text;

namespace Caduceus.Gateway.Audit;

/// <summary>
/// The audit trail's two keys: the ECDSA P-256 checkpoint signing key (PKCS#8 PEM) and the HMAC key for finding
/// values. Each comes from its configured file, else from a file in the data directory that is generated on first
/// start with mode 0600. Errors name the file, never key material.
/// </summary>
public static class AuditKeyFiles
{
    public const string SigningKeyFileName = "audit-signing.pem";
    public const string FindingKeyFileName = "audit-finding.key";

    public static string SigningKeyPath(AuditOptions options, string dataDirectory) =>
        Path.GetFullPath(options.SigningKeyFile is { Length: > 0 } file ? file : Path.Combine(dataDirectory, SigningKeyFileName));

    public static string FindingKeyPath(AuditOptions options, string dataDirectory) =>
        Path.GetFullPath(options.FindingKeyFile is { Length: > 0 } file ? file : Path.Combine(dataDirectory, FindingKeyFileName));

    /// <summary>The signing key; generated only at the default path, a configured file must exist.</summary>
    public static ECDsa LoadOrCreateSigningKey(AuditOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = SigningKeyPath(options, dataDirectory);
        if (!File.Exists(path) && string.IsNullOrEmpty(options.SigningKeyFile))
        {
            using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            TryCreate(path, Encoding.ASCII.GetBytes(fresh.ExportPkcs8PrivateKeyPem() + "\n"));
        }

        return ReadSigningKey(path);
    }

    /// <summary>The signing key from an existing file (the verifier never creates one).</summary>
    public static ECDsa ReadSigningKey(string path)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(Read(path, "audit signing key"));
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidOperationException($"The audit signing key file '{path}' does not hold a PEM ECDSA private key.", exception);
        }

        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new InvalidOperationException($"The audit signing key file '{path}' must hold a P-256 key.");
        }

        return key;
    }

    public static byte[] LoadOrCreateFindingKey(AuditOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = FindingKeyPath(options, dataDirectory);
        if (!File.Exists(path) && string.IsNullOrEmpty(options.FindingKeyFile))
        {
            TryCreate(path, Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n"));
        }

        try
        {
            var key = Convert.FromBase64String(Read(path, "audit finding key").Trim());
            return key.Length >= 32 ? key : throw new FormatException();
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"The audit finding key file '{path}' must hold the base64 of at least 32 bytes.", exception);
        }
    }

    private static string Read(string path, string what)
    {
        try
        {
            return File.ReadAllText(path, Encoding.ASCII);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The {what} file '{path}' cannot be read: {exception.GetType().Name}.", exception);
        }
    }

    private static void TryCreate(string path, byte[] content)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, file);
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process sharing the data directory created it first: theirs is read next.
        }
        finally
        {
            Array.Clear(content);
        }
    }
}
