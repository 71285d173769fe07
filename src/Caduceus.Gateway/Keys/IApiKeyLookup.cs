namespace Caduceus.Gateway.Keys;

/// <summary>Finds the key a presented secret belongs to: what authentication needs on every request.</summary>
public interface IApiKeyLookup
{
    /// <summary>The key whose current or replaced secret is <paramref name="presentedSecret"/>, whatever its status; or null.</summary>
    Task<ApiKeyMatch?> FindAsync(string presentedSecret, CancellationToken cancellationToken);
}
