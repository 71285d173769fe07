using System.Diagnostics.CodeAnalysis;
using Caduceus.Gateway.Configuration;
using Caduceus.Identity;

namespace Caduceus.Gateway.Keys;

/// <summary>
/// Checks what an operator asked for when creating a key (CLI or admin API) and turns it into a
/// <see cref="NewApiKey"/>, or a one-line reason why not. Both front ends share it, so they accept the same things.
/// </summary>
public static class NewApiKeyInput
{
    public static bool TryCreate(
        GatewayOptions options,
        string? application,
        IEnumerable<string>? roles,
        string? label,
        string? expiresIn,
        DateTimeOffset now,
        [NotNullWhen(true)] out NewApiKey? key,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        key = null;
        var configured = options.Applications.Keys.FirstOrDefault(name => string.Equals(name, application?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (configured is null)
        {
            error = string.IsNullOrWhiteSpace(application)
                ? "an application is required."
                : $"no application named '{application}' is configured (configured: {string.Join(", ", options.Applications.Keys.Order(StringComparer.Ordinal))}).";
            return false;
        }

        if (!CallerRoles.TryParse(roles ?? [], out var parsedRoles, out error))
        {
            return false;
        }

        label = string.IsNullOrWhiteSpace(label) ? null : label.Trim();
        if (label is not null && (label.Length > NewApiKey.MaxLabelLength || label.Any(char.IsControl)))
        {
            error = $"a label is at most {NewApiKey.MaxLabelLength} characters, without control characters.";
            return false;
        }

        DateTimeOffset? expiresAt = null;
        if (expiresIn is not null)
        {
            if (!DurationText.TryParse(expiresIn, out var lifetime, out var durationError))
            {
                error = "expires-in: " + durationError;
                return false;
            }

            expiresAt = now + lifetime;
        }

        key = new NewApiKey(configured, parsedRoles, label, expiresAt);
        return true;
    }
}
