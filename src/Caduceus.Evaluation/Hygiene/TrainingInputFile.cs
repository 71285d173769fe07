namespace Caduceus.Evaluation.Hygiene;

/// <summary>A file a model was trained from (data or split list): its path as given, SHA-256 (lowercase hex), size and role.</summary>
public sealed record TrainingInputFile(string Path, string Role, string Sha256, long Size)
{
    public static TrainingInputFile Of(string path, string role)
    {
        using var file = File.OpenRead(path);
        var hash = System.Security.Cryptography.SHA256.HashData(file);
        return new TrainingInputFile(path, role, Convert.ToHexStringLower(hash), file.Length);
    }
}
