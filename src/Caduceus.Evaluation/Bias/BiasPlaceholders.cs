using System.Text.RegularExpressions;

namespace Caduceus.Evaluation.Bias;

/// <summary>The <c>{name}</c> placeholders of a template and the names a dimension or group may have.</summary>
internal static partial class BiasPlaceholders
{
    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    public static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_\-]*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    public static partial Regex Name();
}
