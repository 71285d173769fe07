namespace Caduceus.Detection.Phi.Learned;

/// <summary>
/// 64-bit FNV-1a hashes naming the tagger's features. A feature is a template (which property of which neighbour)
/// combined with a value; hashing them keeps the model a flat table with no strings in it. Stable across processes
/// and platforms, which the trained model depends on.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong OfLowercase(ReadOnlySpan<char> value)
    {
        var hash = Offset;
        foreach (var c in value)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * Prime;
        }

        return hash;
    }

    public static ulong Of(ReadOnlySpan<char> value)
    {
        var hash = Offset;
        foreach (var c in value)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    public static ulong Of(ulong value)
    {
        var hash = Offset;
        for (var i = 0; i < 8; i++)
        {
            hash = (hash ^ (value & 0xFF)) * Prime;
            value >>= 8;
        }

        return hash;
    }

    /// <summary>The feature named by <paramref name="template"/> with the value hashed as <paramref name="value"/>.</summary>
    public static ulong Feature(FeatureTemplate template, ulong value) => Mix(((ulong)template * 0x9E3779B97F4A7C15) ^ value);

    public static ulong Feature(FeatureTemplate template, ulong first, ulong second) =>
        Feature(template, Mix(first ^ (second * 0xC2B2AE3D27D4EB4F)));

    public static ulong Feature(FeatureTemplate template, ulong first, ulong second, ulong third) =>
        Feature(template, Mix(Mix(first ^ (second * 0xC2B2AE3D27D4EB4F)) ^ (third * 0x165667B19E3779F9)));

    /// <summary>The finalizer of SplitMix64: spreads every input bit over the whole word.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
