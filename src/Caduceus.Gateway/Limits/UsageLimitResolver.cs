using Caduceus.Gateway.Configuration;

namespace Caduceus.Gateway.Limits;

/// <summary>Works out a caller's limits: the defaults, then its roles' overrides (the most generous), then its application's.</summary>
internal sealed class UsageLimitResolver(UsageLimitsOptions options)
{
    private readonly UsageLimits _defaults = new(options.RequestsPerMinute, options.TokensPerHour, options.TokensPerDay, options.MaxTokensPerRequest);

    public UsageLimits For(ApplicationOptions application, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(application);
        return _defaults.With(MostGenerous(roles)).With(application.Limits);
    }

    private UsageLimitOverrides? MostGenerous(IEnumerable<string> roles)
    {
        if (options.Roles.Count == 0)
        {
            return null;
        }

        UsageLimitOverrides? merged = null;
        foreach (var role in roles)
        {
            if (!options.Roles.TryGetValue(role, out var overrides))
            {
                continue;
            }

            merged ??= new UsageLimitOverrides();
            merged.RequestsPerMinute = Max(merged.RequestsPerMinute, overrides.RequestsPerMinute);
            merged.TokensPerHour = Max(merged.TokensPerHour, overrides.TokensPerHour);
            merged.TokensPerDay = Max(merged.TokensPerDay, overrides.TokensPerDay);
            merged.MaxTokensPerRequest = Max(merged.MaxTokensPerRequest, overrides.MaxTokensPerRequest);
        }

        return merged;
    }

    private static T? Max<T>(T? current, T? candidate)
        where T : struct, IComparable<T> =>
        current is null ? candidate : candidate is null ? current : (candidate.Value.CompareTo(current.Value) > 0 ? candidate : current);
}
