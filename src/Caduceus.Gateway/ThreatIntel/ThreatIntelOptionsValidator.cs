using Caduceus.Gateway.Siem;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>Checks the feeds at start-up, naming the setting that is wrong (never a credential).</summary>
internal sealed class ThreatIntelOptionsValidator : IValidateOptions<ThreatIntelOptions>
{
    public ValidateOptionsResult Validate(string? name, ThreatIntelOptions options)
    {
        var failures = new List<string>();
        if (options.ImportedLifetime <= TimeSpan.Zero || options.ImportedLifetime > TimeSpan.FromDays(365))
        {
            failures.Add($"{ThreatIntelOptions.SectionName}:ImportedLifetime must be positive and at most 365 days.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Feeds.Count; i++)
        {
            var feed = options.Feeds[i];
            var prefix = $"{ThreatIntelOptions.SectionName}:Feeds:{i}";
            if (string.IsNullOrWhiteSpace(feed.Name) || feed.Name.Length > 64 || !feed.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                failures.Add($"{prefix}:Name must be 1 to 64 letters, digits, '-', '_' or '.'.");
            }
            else if (!names.Add(feed.Name))
            {
                failures.Add($"{prefix}:Name '{feed.Name}' is used by another feed.");
            }

            if (SiemHttp.CheckUrl(feed.ApiRoot, $"{prefix}:ApiRoot") is { } urlError)
            {
                failures.Add(urlError);
            }

            if (string.IsNullOrWhiteSpace(feed.CollectionId) || feed.CollectionId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            {
                failures.Add($"{prefix}:CollectionId must be the collection's id (letters, digits, '-', '_', '.').");
            }

            if (feed.PollInterval < TimeSpan.FromMinutes(1) || feed.PollInterval > TimeSpan.FromDays(7))
            {
                failures.Add($"{prefix}:PollInterval must be between 1 minute and 7 days.");
            }

            failures.AddRange(CredentialFailures(feed, prefix));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> CredentialFailures(TaxiiFeedOptions feed, string prefix)
    {
        if (feed.BearerTokenEnvironmentVariable is { } tokenVariable)
        {
            if (feed.Username is not null)
            {
                yield return $"{prefix}: use either BearerTokenEnvironmentVariable or Username, not both.";
            }

            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(tokenVariable)))
            {
                yield return $"{prefix}:BearerTokenEnvironmentVariable names '{tokenVariable}', which is not set.";
            }
        }

        if (feed.Username is not null)
        {
            if (feed.Username.Length == 0 || feed.Username.Contains(':', StringComparison.Ordinal))
            {
                yield return $"{prefix}:Username must be non-empty and without ':'.";
            }

            if (feed.PasswordEnvironmentVariable is not { } passwordVariable || string.IsNullOrEmpty(Environment.GetEnvironmentVariable(passwordVariable)))
            {
                yield return $"{prefix}:PasswordEnvironmentVariable must name a set environment variable holding the password.";
            }
        }
    }
}
