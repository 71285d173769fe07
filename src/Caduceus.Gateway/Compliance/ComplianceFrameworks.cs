namespace Caduceus.Gateway.Compliance;

/// <summary>The frameworks reports cover, by name.</summary>
public static class ComplianceFrameworks
{
    public static IReadOnlyList<ComplianceFramework> All { get; } =
        [HipaaFramework.Create(), OwaspLlmFramework.Create(), NistAiRmfFramework.Create(), SaifFramework.Create()];

    public static string Names => string.Join(", ", All.Select(f => f.Name));

    public static ComplianceFramework? Find(string? name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
