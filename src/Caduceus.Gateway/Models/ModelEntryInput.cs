using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Caduceus.Gateway.Configuration;

namespace Caduceus.Gateway.Models;

/// <summary>
/// Checks what an operator asked for (CLI, admin API, seed) and turns it into an entry or a change, or a one-line
/// reason why not. Every front end shares it, so they accept the same things.
/// </summary>
public static class ModelEntryInput
{
    public const int MaxTextLength = 200;
    public const string DateFormat = "yyyy-MM-dd";

    public static bool TryCreate(
        GatewayOptions options,
        string? application,
        string? model,
        string? version,
        string? owner,
        string? intendedUse,
        bool? phiAllowed,
        string? riskTier,
        string? lastReviewed,
        bool isDefault,
        DateOnly today,
        [NotNullWhen(true)] out ModelEntry? entry,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        entry = null;
        if (!TryApplication(options, application, out var configured, out error)
            || !TryModelName(model, out var modelName, out error)
            || !TryText("version", version, required: false, out var versionText, out error)
            || !TryText("owner", owner, required: true, out var ownerText, out error)
            || !TryText("intended use", intendedUse, required: true, out var useText, out error))
        {
            return false;
        }

        if (phiAllowed is null)
        {
            error = "say whether PHI may reach the model (phi allowed: true or false).";
            return false;
        }

        if (!TryRiskTier(riskTier, out var tier, out error) || !TryReviewDate(lastReviewed ?? string.Empty, today, out var reviewed, out error))
        {
            return false;
        }

        entry = new ModelEntry
        {
            Application = configured,
            Model = modelName,
            Version = versionText,
            Owner = ownerText!,
            IntendedUse = useText!,
            PhiAllowed = phiAllowed.Value,
            RiskTier = tier,
            LastReviewed = reviewed,
            IsDefault = isDefault,
        };
        return true;
    }

    public static bool TryChange(
        string? version,
        string? owner,
        string? intendedUse,
        bool? phiAllowed,
        string? riskTier,
        string? lastReviewed,
        bool? isDefault,
        DateOnly today,
        [NotNullWhen(true)] out ModelEntryChange? change,
        [NotNullWhen(false)] out string? error)
    {
        change = null;
        string? tier = null;
        DateOnly? reviewed = null;
        if ((version is not null && !TryText("version", version, required: true, out version, out error))
            || (owner is not null && !TryText("owner", owner, required: true, out owner, out error))
            || (intendedUse is not null && !TryText("intended use", intendedUse, required: true, out intendedUse, out error)))
        {
            return false;
        }

        if (riskTier is not null)
        {
            if (!TryRiskTier(riskTier, out var parsedTier, out error))
            {
                return false;
            }

            tier = parsedTier;
        }

        if (lastReviewed is not null)
        {
            if (!TryReviewDate(lastReviewed, today, out var parsedDate, out error))
            {
                return false;
            }

            reviewed = parsedDate;
        }

        change = new ModelEntryChange
        {
            Version = version,
            Owner = owner,
            IntendedUse = intendedUse,
            PhiAllowed = phiAllowed,
            RiskTier = tier,
            LastReviewed = reviewed,
            IsDefault = isDefault,
        };
        if (change.IsEmpty)
        {
            change = null;
            error = "nothing to change: give at least one field.";
            return false;
        }

        error = null;
        return true;
    }

    public static bool TryApplication(GatewayOptions options, string? application, [NotNullWhen(true)] out string? configured, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        configured = options.Applications.Keys.FirstOrDefault(name => string.Equals(name, application?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (configured is not null)
        {
            error = null;
            return true;
        }

        error = string.IsNullOrWhiteSpace(application)
            ? "an application is required."
            : $"no application named '{application}' is configured (configured: {string.Join(", ", options.Applications.Keys.Order(StringComparer.Ordinal))}).";
        return false;
    }

    public static bool TryModelName(string? model, [NotNullWhen(true)] out string? name, [NotNullWhen(false)] out string? error)
    {
        name = model?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxTextLength || name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            name = null;
            error = $"a model name is required: 1 to {MaxTextLength} characters, without spaces or control characters.";
            return false;
        }

        if (name.Contains('*', StringComparison.Ordinal))
        {
            name = null;
            error = "a model name is exact: wildcards are not accepted.";
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryText(string field, string? text, bool required, out string? value, [NotNullWhen(false)] out string? error)
    {
        value = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if ((value is null && required) || (value is not null && (value.Length > MaxTextLength || value.Any(char.IsControl))))
        {
            error = $"{field} is {(required ? "required: " : string.Empty)}at most {MaxTextLength} characters, without control characters.";
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryRiskTier(string? text, out string tier, [NotNullWhen(false)] out string? error)
    {
        if (ModelRiskTiers.TryParse(text, out tier))
        {
            error = null;
            return true;
        }

        error = $"unknown risk tier '{text}' (one of: {string.Join(", ", ModelRiskTiers.All)}).";
        return false;
    }

    private static bool TryReviewDate(string text, DateOnly today, out DateOnly date, [NotNullWhen(false)] out string? error)
    {
        if (!DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            error = $"last reviewed must be a date as {DateFormat}.";
            return false;
        }

        if (date > today)
        {
            error = $"last reviewed ({text.Trim()}) is in the future.";
            return false;
        }

        error = null;
        return true;
    }
}
