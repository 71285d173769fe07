namespace Caduceus.Gateway.Policies;

public enum PolicyDiffKind
{
    Kept,
    Removed,
    Added,
}
