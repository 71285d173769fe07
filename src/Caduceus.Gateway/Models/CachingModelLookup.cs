using Caduceus.Gateway.SharedState;
using Microsoft.Extensions.Caching.Memory;

namespace Caduceus.Gateway.Models;

/// <summary>
/// Remembers inventory lookups, found or not, for at most <see cref="Lifetime"/>, so the hot path does not read the
/// database on every request and an edit (by this process or the CLI) takes effect within that time; on shared state
/// a change notification drops every lookup at once (<see cref="Invalidate"/>). Bounded, so a flood of made-up model
/// names cannot grow it without limit.
/// </summary>
internal sealed class CachingModelLookup(IModelInventory inventory, TimeProvider timeProvider) : ISharedStateCache, IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private const int MaxEntries = 10_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private long _generation;

    public string Table => "model_inventory";

    /// <summary>The entry for <paramref name="model"/> of the application, or its default entry when <paramref name="model"/> is null.</summary>
    public async ValueTask<ModelEntry?> FindAsync(string application, string? model, CancellationToken cancellationToken)
    {
        // Application names compare without case; NUL cannot occur in either name, so the key is unambiguous.
        var key = application.ToUpperInvariant() + "\0" + (model ?? "\0");
        if (_cache.TryGetValue(key, out Lookup? cached))
        {
            return cached!.Entry;
        }

        var generation = Interlocked.Read(ref _generation);
        var entry = model is null
            ? await inventory.GetDefaultAsync(application, cancellationToken)
            : await inventory.GetAsync(application, model, cancellationToken);
        if (generation != Interlocked.Read(ref _generation))
        {
            // The inventory changed while this lookup ran: its answer may predate the change, so it is not remembered.
            return entry;
        }

        _cache.Set(key, new Lookup(entry), new MemoryCacheEntryOptions
        {
            AbsoluteExpiration = timeProvider.GetUtcNow() + Lifetime,
            Size = 1,
        });
        return entry;
    }

    /// <summary>Forgets every lookup, including any still running.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _cache.Clear();
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>A lookup result; a null entry is a remembered miss.</summary>
    private sealed record Lookup(ModelEntry? Entry);
}
