using Caduceus.Detection;
using Caduceus.Policy;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Configuration;

/// <summary>Checks the configuration at start-up so a mistake stops the gateway with a message, not a request later.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("DataDirectory must name a directory.");
        }

        if (options.Limits.MaxRequestBodyBytes is < 1024 or > 64L * 1024 * 1024)
        {
            failures.Add("Limits:MaxRequestBodyBytes must be between 1024 and 67108864.");
        }

        if (options.Limits.MaxMessages is < 1 or > 10_000)
        {
            failures.Add("Limits:MaxMessages must be between 1 and 10000.");
        }

        if (!options.Applications.ContainsKey(GatewayOptions.DefaultApplicationName))
        {
            failures.Add($"Applications:{GatewayOptions.DefaultApplicationName} must be configured.");
        }

        foreach (var (appName, app) in options.Applications)
        {
            ValidateApplication(appName, app, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateApplication(string appName, ApplicationOptions app, List<string> failures)
    {
        var prefix = $"Applications:{appName}:Upstream";
        var upstream = app.Upstream;
        if (!Uri.TryCreate(upstream.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{prefix}:BaseUrl must be an absolute http or https URL.");
        }

        if (upstream.ApiKeyEnvironmentVariable is { Length: > 0 } variable && Environment.GetEnvironmentVariable(variable) is null)
        {
            failures.Add($"{prefix}:ApiKeyEnvironmentVariable names {variable}, which is not set.");
        }

        if (string.IsNullOrWhiteSpace(upstream.ApiKeyHeader))
        {
            failures.Add($"{prefix}:ApiKeyHeader must not be empty.");
        }

        if (upstream.ResponseTimeout <= TimeSpan.Zero || upstream.StreamIdleTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}: timeouts must be positive.");
        }

        foreach (var (direction, policy) in new[] { ("Request", app.Policy.Request), ("Response", app.Policy.Response) })
        {
            if (direction == "Response" && (policy.Phi == PolicyAction.Pseudonymize || policy.Injection == PolicyAction.Pseudonymize || policy.Entities.ContainsValue(PolicyAction.Pseudonymize)))
            {
                failures.Add($"Applications:{appName}:Policy:Response: Pseudonymize applies to requests only; use Redact, Allow or Block for answers.");
            }

            if (policy.Injection == PolicyAction.Pseudonymize)
            {
                failures.Add($"Applications:{appName}:Policy:{direction}:Injection cannot be Pseudonymize.");
            }

            if (policy.MinimumScore is < 0 or > 1)
            {
                failures.Add($"Applications:{appName}:Policy:{direction}:MinimumScore must be between 0 and 1.");
            }

            if (policy.InjectionMinimumScore is < 0 or > 1)
            {
                failures.Add($"Applications:{appName}:Policy:{direction}:InjectionMinimumScore must be between 0 and 1.");
            }
        }

        var unknown = app.Detection.Disabled.Where(d => !TextAnalyzer.DefaultDetectorNames.Contains(d, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            failures.Add($"Applications:{appName}:Detection:Disabled names unknown detector(s) {string.Join(", ", unknown)}; known: {string.Join(", ", TextAnalyzer.DefaultDetectorNames)}.");
        }

        var notOptional = app.Detection.Enabled.Where(d => !TextAnalyzer.OptionalDetectorNames.Contains(d, StringComparer.OrdinalIgnoreCase)).ToList();
        if (notOptional.Count > 0)
        {
            failures.Add($"Applications:{appName}:Detection:Enabled names detector(s) that are not optional: {string.Join(", ", notOptional)}; optional: {string.Join(", ", TextAnalyzer.OptionalDetectorNames)}.");
        }
    }
}
