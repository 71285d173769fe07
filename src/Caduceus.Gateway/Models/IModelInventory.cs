namespace Caduceus.Gateway.Models;

/// <summary>The models each application may route to. Every change is all or nothing.</summary>
public interface IModelInventory
{
    /// <summary>Every entry, by application then model.</summary>
    Task<IReadOnlyList<ModelEntry>> ListAsync(CancellationToken cancellationToken);

    Task<ModelEntry?> GetAsync(string application, string model, CancellationToken cancellationToken);

    /// <summary>The application's default model (a request without <c>"model"</c>), or null.</summary>
    Task<ModelEntry?> GetDefaultAsync(string application, CancellationToken cancellationToken);

    Task<bool> AnyAsync(CancellationToken cancellationToken);

    /// <summary>Adds an entry; a duplicate, or a second default of the application, is a conflict.</summary>
    Task<ModelInventoryResult> AddAsync(ModelEntry entry, CancellationToken cancellationToken);

    Task<ModelInventoryResult> UpdateAsync(string application, string model, ModelEntryChange change, CancellationToken cancellationToken);

    Task<ModelInventoryResult> RemoveAsync(string application, string model, CancellationToken cancellationToken);
}
