using System.Globalization;
using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Models;

/// <summary>
/// On the first start (an empty inventory) writes the configured seed entries, or the built-in test model, so a fresh
/// gateway answers. A seed entry that does not validate, or conflicts with another, stops the start with a one-line reason.
/// </summary>
internal sealed class ModelInventorySeeder(IModelInventory inventory, IOptions<GatewayOptions> options, TimeProvider timeProvider) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var entries = Entries(options.Value, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime));
        if (await inventory.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var entry in entries)
        {
            var result = await inventory.AddAsync(entry, cancellationToken);
            if (result.Outcome != ModelInventoryOutcome.Done && !await SeededByAnotherInstanceAsync(entry, cancellationToken))
            {
                throw new InvalidOperationException("Models:Seed: " + result.Problem);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Instances sharing one inventory may start together and seed it at once: an entry one of them wrote is not a failure.</summary>
    private async Task<bool> SeededByAnotherInstanceAsync(ModelEntry entry, CancellationToken cancellationToken) =>
        await inventory.GetAsync(entry.Application, entry.Model, cancellationToken) is not null;

    /// <summary>The seed as entries, every one validated first, so a bad seed writes nothing.</summary>
    public static IReadOnlyList<ModelEntry> Entries(GatewayOptions options, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(options);
        var seed = options.Models.EffectiveSeed;
        var entries = new List<ModelEntry>(seed.Count);
        for (var i = 0; i < seed.Count; i++)
        {
            var s = seed[i];
            var reviewed = string.IsNullOrWhiteSpace(s.LastReviewed) ? today.ToString(ModelEntryInput.DateFormat, CultureInfo.InvariantCulture) : s.LastReviewed;
            if (!ModelEntryInput.TryCreate(options, s.Application, s.Model, s.Version, s.Owner, s.IntendedUse, s.PhiAllowed, s.RiskTier, reviewed, s.Default, today, out var entry, out var error))
            {
                throw new InvalidOperationException($"Models:Seed:{i.ToString(CultureInfo.InvariantCulture)}: {error}");
            }

            entries.Add(entry);
        }

        return entries;
    }
}
