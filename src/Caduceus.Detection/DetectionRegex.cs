using System.Text.RegularExpressions;

namespace Caduceus.Detection;

/// <summary>Settings every detector regex shares, so a change of policy (e.g. the timeout) is one edit.</summary>
internal static class DetectionRegex
{
    /// <summary>
    /// Upper bound for one match operation. The patterns are written to run in linear time; the timeout is the
    /// backstop against a pathological input, set generously so a busy machine does not turn a slow match into a
    /// refusal. A timeout surfaces as <see cref="RegexMatchTimeoutException"/>:
    /// detection fails closed and the caller decides, rather than the text passing uninspected.
    /// </summary>
    public const int MatchTimeoutMilliseconds = 1000;

    /// <summary>Culture-independent, no numbered captures (detectors read spans, not groups).</summary>
    public const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary><see cref="Options"/> plus case-insensitive matching.</summary>
    public const RegexOptions IgnoreCase = Options | RegexOptions.IgnoreCase;
}
