namespace Caduceus.Gateway.Models;

/// <summary>
/// What an integrity check found: against a signed manifest (<c>signed_manifest</c>) or the hashes compiled into the
/// build (<c>built_in_hashes</c>); whether the signature verified; each file's status; a problem beyond the files.
/// </summary>
public sealed record ModelIntegrityReport(string Mode, bool? SignatureValid, IReadOnlyList<ModelFileCheck> Files, string? Problem)
{
    public const string SignedManifestMode = "signed_manifest";
    public const string BuiltInHashesMode = "built_in_hashes";

    public bool IsOk => Problem is null && SignatureValid != false && Files.All(f => f.Status == ModelFileStatus.Ok);

    /// <summary>One line naming what is wrong, for a refused start or a failed verify.</summary>
    public string Summary()
    {
        if (IsOk)
        {
            return $"{Files.Count} model files verified ({Mode}).";
        }

        var parts = new List<string>();
        if (Problem is not null)
        {
            parts.Add(Problem);
        }

        if (SignatureValid == false)
        {
            parts.Add("the manifest's signature does not verify with Models:Integrity:PublicKeyFile");
        }

        parts.AddRange(Files.Where(f => f.Status != ModelFileStatus.Ok).Select(f => $"{f.Name} {f.Status.ToString().ToUpperInvariant()}"));
        return "model integrity check failed: " + string.Join("; ", parts) + ".";
    }
}
