namespace Caduceus.Gateway.Models;

/// <summary>
/// Checks the model files the gateway loads. With <c>Models:Integrity</c> set: the manifest's signature, every file it
/// lists (hash and size), and that it covers every built-in model and every <c>Models:Files</c> entry. Without: the
/// built-in models against the hashes compiled into the build. Unreadable keys or manifests throw
/// <see cref="InvalidDataException"/> with a one-line reason.
/// </summary>
public static class ModelIntegrityCheck
{
    public static ModelIntegrityReport Run(ModelInventoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var integrity = options.Integrity;
        if (!integrity.IsConfigured)
        {
            return AgainstBuild(options);
        }

        if (string.IsNullOrWhiteSpace(integrity.PublicKeyFile) || string.IsNullOrWhiteSpace(integrity.ManifestFile))
        {
            throw new InvalidDataException("Models:Integrity needs both PublicKeyFile and ManifestFile.");
        }

        using var key = ModelManifestSigner.LoadKey(integrity.PublicKeyFile, requirePrivate: false);
        var manifest = ModelManifestSigner.LoadManifest(integrity.ManifestFile);
        var signatureValid = ModelManifestSigner.Verify(manifest, key);
        var checks = manifest.Files.Select(Check).ToList();
        var listed = manifest.Files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        checks.AddRange(ExpectedNames(options).Where(name => !listed.Contains(name)).Select(name => new ModelFileCheck(name, ModelFileStatus.Unlisted)));
        return new ModelIntegrityReport(ModelIntegrityReport.SignedManifestMode, signatureValid, checks, null);
    }

    /// <summary>Every file a manifest must cover: the built-in models, then the configured local files.</summary>
    public static IReadOnlyList<string> ExpectedNames(ModelInventoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. BuiltInModelFiles.Names.Order(StringComparer.Ordinal).Select(n => ModelFileDigest.EmbeddedPrefix + n), .. options.Files];
    }

    /// <summary>The current digest of every file a manifest must cover, for signing; a missing local file throws.</summary>
    public static IReadOnlyList<ModelFileDigest> CurrentDigests(ModelInventoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var digests = new List<ModelFileDigest>();
        foreach (var (name, digest) in BuiltInModelFiles.Current())
        {
            digests.Add(digest ?? throw new InvalidDataException($"the built-in model '{name}' is not in this build."));
        }

        foreach (var path in options.Files)
        {
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"the model file '{path}' (Models:Files) does not exist.");
            }

            digests.Add(ModelFileDigest.ComputeFile(path));
        }

        return digests;
    }

    private static ModelIntegrityReport AgainstBuild(ModelInventoryOptions options)
    {
        var checks = BuiltInModelFiles.Current()
            .Select(current => new ModelFileCheck(
                ModelFileDigest.EmbeddedPrefix + current.ResourceName,
                current.Digest is null ? ModelFileStatus.Missing
                : current.Digest.Sha256 == BuiltInModelFiles.CompiledSha256(current.ResourceName) ? ModelFileStatus.Ok
                : ModelFileStatus.Changed))
            .ToList();
        var problem = options.Files.Count > 0
            ? "Models:Files lists local model files, and only a signed manifest can vouch for them: set Models:Integrity:PublicKeyFile and ManifestFile"
            : null;
        return new ModelIntegrityReport(ModelIntegrityReport.BuiltInHashesMode, null, checks, problem);
    }

    private static ModelFileCheck Check(ModelFileDigest expected)
    {
        ModelFileDigest? actual;
        if (expected.Name.StartsWith(ModelFileDigest.EmbeddedPrefix, StringComparison.Ordinal))
        {
            actual = BuiltInModelFiles.Digest(expected.Name[ModelFileDigest.EmbeddedPrefix.Length..]);
        }
        else
        {
            actual = File.Exists(expected.Name) ? ModelFileDigest.ComputeFile(expected.Name) : null;
        }

        var status = actual is null ? ModelFileStatus.Missing
            : string.Equals(actual.Sha256, expected.Sha256, StringComparison.OrdinalIgnoreCase) && actual.Size == expected.Size ? ModelFileStatus.Ok
            : ModelFileStatus.Changed;
        return new ModelFileCheck(expected.Name, status);
    }
}
