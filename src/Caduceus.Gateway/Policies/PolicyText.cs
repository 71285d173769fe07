using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Caduceus.Detection;
using Caduceus.Policy;

namespace Caduceus.Gateway.Policies;

/// <summary>
/// An application's policy as canonical text, one setting a line (<c>Request.Phi = Redact</c>), in a fixed order:
/// what an override is stored as, hashed into audit records, and diffed on the console's confirm screen. Parsing is
/// strict: an unknown setting, entity type or action is an error, never ignored.
/// </summary>
public static class PolicyText
{
    private static readonly string[] Directions = ["Request", "Response"];

    private static readonly string[] Actions = [nameof(PolicyAction.Allow), nameof(PolicyAction.Pseudonymize), nameof(PolicyAction.Redact), nameof(PolicyAction.Block)];

    /// <summary>The entity types a per-type override may name: the Safe Harbor types and prompt injection.</summary>
    public static IReadOnlyList<string> EntityTypeNames { get; } = [.. EntityTypes.Phi, EntityTypes.PromptInjection];

    public static string Render(ApplicationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var text = new StringBuilder();
        foreach (var direction in Directions)
        {
            var settings = direction == "Request" ? policy.Request : policy.Response;
            Line(text, direction + ".Phi", settings.Phi.ToString());
            Line(text, direction + ".Injection", settings.Injection.ToString());
            Line(text, direction + ".MinimumScore", settings.MinimumScore.ToString("0.###", CultureInfo.InvariantCulture));
            if (settings.InjectionMinimumScore is { } injectionMinimum)
            {
                Line(text, direction + ".InjectionMinimumScore", injectionMinimum.ToString("0.###", CultureInfo.InvariantCulture));
            }

            foreach (var (type, action) in settings.Entities.OrderBy(e => e.Key.ToUpperInvariant(), StringComparer.Ordinal))
            {
                Line(text, $"{direction}.Entities.{type.ToUpperInvariant()}", action.ToString());
            }
        }

        Line(text, nameof(ApplicationPolicy.RestorePseudonyms), policy.RestorePseudonyms ? "true" : "false");
        Line(text, nameof(ApplicationPolicy.CanaryTokens), policy.CanaryTokens ? "true" : "false");
        return text.ToString();
    }

    /// <summary>SHA-256 of the canonical text, lower-case hex: names a policy in audit records without spelling it out.</summary>
    public static string Hash(string canonicalText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalText ?? string.Empty)));

    /// <summary>Parses lines of <c>Setting = Value</c>; settings not given keep their defaults. False with a one-line reason.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ApplicationPolicy? policy, [NotNullWhen(false)] out string? error)
    {
        policy = null;
        var parsed = new ApplicationPolicy();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lines = (text ?? string.Empty).Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = $"line {number} is not 'Setting = Value'.";
                return false;
            }

            var name = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (!seen.Add(name))
            {
                error = $"line {number} sets {Shorten(name)} a second time.";
                return false;
            }

            if (!TrySet(parsed, name, value, out error))
            {
                error = $"line {number}: {error}";
                return false;
            }
        }

        policy = parsed;
        error = null;
        return true;
    }

    private static bool TrySet(ApplicationPolicy policy, string name, string value, [NotNullWhen(false)] out string? error)
    {
        error = null;
        switch (name)
        {
            case nameof(ApplicationPolicy.RestorePseudonyms):
                return TryBool(name, value, v => policy.RestorePseudonyms = v, out error);
            case nameof(ApplicationPolicy.CanaryTokens):
                return TryBool(name, value, v => policy.CanaryTokens = v, out error);
        }

        var parts = name.Split('.');
        var direction = parts[0] switch
        {
            "Request" => policy.Request,
            "Response" => policy.Response,
            _ => null,
        };
        if (direction is null || parts.Length < 2)
        {
            error = $"unknown setting '{Shorten(name)}'.";
            return false;
        }

        switch (parts[1])
        {
            case nameof(DirectionPolicy.Phi) when parts.Length == 2:
                return TryAction(name, value, a => direction.Phi = a, out error);
            case nameof(DirectionPolicy.Injection) when parts.Length == 2:
                return TryAction(name, value, a => direction.Injection = a, out error);
            case nameof(DirectionPolicy.MinimumScore) when parts.Length == 2:
                return TryScore(name, value, s => direction.MinimumScore = s, out error);
            case nameof(DirectionPolicy.InjectionMinimumScore) when parts.Length == 2:
                return TryScore(name, value, s => direction.InjectionMinimumScore = s, out error);
            case nameof(DirectionPolicy.Entities) when parts.Length == 3:
                var type = EntityTypeNames.FirstOrDefault(t => string.Equals(t, parts[2], StringComparison.OrdinalIgnoreCase));
                if (type is null)
                {
                    error = $"unknown entity type '{Shorten(parts[2])}' (known: {string.Join(", ", EntityTypeNames)}).";
                    return false;
                }

                return TryAction(name, value, a => direction.Entities[type] = a, out error);
            default:
                error = $"unknown setting '{Shorten(name)}'.";
                return false;
        }
    }

    private static bool TryAction(string name, string value, Action<PolicyAction> set, [NotNullWhen(false)] out string? error)
    {
        // Names only: Enum.TryParse would also take "7".
        var known = Actions.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            error = $"{name} must be one of {string.Join(", ", Actions)}, not '{Shorten(value)}'.";
            return false;
        }

        set(Enum.Parse<PolicyAction>(known));
        error = null;
        return true;
    }

    private static bool TryScore(string name, string value, Action<double> set, [NotNullWhen(false)] out string? error)
    {
        if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var score) || score is < 0 or > 1)
        {
            error = $"{name} must be a number between 0 and 1, not '{Shorten(value)}'.";
            return false;
        }

        set(score);
        error = null;
        return true;
    }

    private static bool TryBool(string name, string value, Action<bool> set, [NotNullWhen(false)] out string? error)
    {
        if (!bool.TryParse(value, out var flag))
        {
            error = $"{name} must be true or false, not '{Shorten(value)}'.";
            return false;
        }

        set(flag);
        error = null;
        return true;
    }

    private static void Line(StringBuilder text, string name, string value) => text.Append(name).Append(" = ").Append(value).Append('\n');

    // Echoed values are the operator's own form input, but kept short so an error line stays one line.
    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
