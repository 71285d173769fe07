using Caduceus.Detection;
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

        if (options.ApiKeys.MaxFailuresPerAddress is < 1 or > 1_000_000)
        {
            failures.Add("ApiKeys:MaxFailuresPerAddress must be between 1 and 1000000.");
        }

        if (options.ApiKeys.FailureWindow < TimeSpan.FromSeconds(1) || options.ApiKeys.FailureWindow > TimeSpan.FromDays(1))
        {
            failures.Add("ApiKeys:FailureWindow must be between 00:00:01 and 1.00:00:00.");
        }

        if (options.Audit.CheckpointEveryRecords is < 1 or > 1_000_000 || options.Audit.MaxBatch is < 1 or > 10_000)
        {
            failures.Add("Audit:CheckpointEveryRecords must be between 1 and 1000000 and Audit:MaxBatch between 1 and 10000.");
        }

        if (options.Audit.CheckpointInterval < TimeSpan.FromSeconds(1) || options.Audit.CheckpointInterval > TimeSpan.FromDays(1))
        {
            failures.Add("Audit:CheckpointInterval must be between 00:00:01 and 1.00:00:00.");
        }

        ValidateAuditStore(options.Audit, failures);
        ValidateOidc(options.Oidc, failures);
        if (options.Tls.ClientCertificates != Hosting.ClientCertificateRequirement.None && options.Tls.TrustedClientThumbprints.Count == 0)
        {
            failures.Add("Tls:ClientCertificates needs Tls:TrustedClientThumbprints (SHA-256 of each client certificate, hex).");
        }

        if (!options.Applications.ContainsKey(GatewayOptions.DefaultApplicationName))
        {
            failures.Add($"Applications:{GatewayOptions.DefaultApplicationName} must be configured.");
        }

        foreach (var (appName, app) in options.Applications)
        {
            ValidateApplication(appName, app, failures);
            ValidateAccess(appName, app, failures);
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

        ApplicationPolicyValidator.Validate(appName, app.Policy, failures);

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

    private static void ValidateAuditStore(Audit.AuditOptions audit, List<string> failures)
    {
        if (audit.RetentionDays < 1)
        {
            failures.Add("Audit:RetentionDays must be at least 1 (default 2190, six years).");
        }

        if (!string.Equals(audit.Store, Audit.AuditOptions.SqliteStore, StringComparison.OrdinalIgnoreCase) && !audit.UsesPostgres)
        {
            failures.Add("Audit:Store must be sqlite or postgres.");
        }
        else if (audit.UsesPostgres && string.IsNullOrWhiteSpace(audit.ConnectionString))
        {
            failures.Add("Audit:ConnectionString is required when Audit:Store is postgres (set it in the environment as CADUCEUS_Audit__ConnectionString).");
        }
        else if (audit.UsesPostgres && !IsConnectionString(audit.ConnectionString!))
        {
            // Never the value or the parser's message: either may quote a password.
            failures.Add("Audit:ConnectionString is not a valid PostgreSQL connection string (Host=...;Port=...;Username=...;Database=...).");
        }
        else if (!audit.UsesPostgres && !string.IsNullOrEmpty(audit.ConnectionString))
        {
            failures.Add("Audit:ConnectionString applies only when Audit:Store is postgres.");
        }
    }

    private static bool IsConnectionString(string value)
    {
        try
        {
            return !string.IsNullOrEmpty(new Npgsql.NpgsqlConnectionStringBuilder(value).Host);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void ValidateOidc(Authentication.OidcOptions oidc, List<string> failures)
    {
        if (!oidc.IsEnabled)
        {
            return;
        }

        if (!Uri.TryCreate(oidc.Issuer, UriKind.Absolute, out _))
        {
            failures.Add("Oidc:Issuer must be an absolute URL.");
        }

        if (string.IsNullOrWhiteSpace(oidc.Audience))
        {
            failures.Add("Oidc:Audience is required: a token for another service must not be accepted here.");
        }

        foreach (var (external, role) in oidc.RoleMap)
        {
            if (!Identity.CallerRoles.IsKnown(role))
            {
                failures.Add($"Oidc:RoleMap:{external} maps to '{role}', which is not a Caduceus role ({string.Join(", ", Identity.CallerRoles.All)}).");
            }
        }
    }

    private static void ValidateAccess(string appName, ApplicationOptions app, List<string> failures)
    {
        foreach (var (role, purposes) in app.Access)
        {
            var prefix = $"Applications:{appName}:Access:{role}";
            if (!Identity.CallerRoles.IsKnown(role))
            {
                failures.Add($"{prefix}: '{role}' is not a Caduceus role ({string.Join(", ", Identity.CallerRoles.All)}).");
            }

            foreach (var (purpose, grant) in purposes)
            {
                if (!Access.PurposeOfUse.TryParse(purpose, out var known) || known != purpose)
                {
                    failures.Add($"{prefix}:{purpose}: not a purpose of use ({string.Join(", ", Access.PurposeOfUse.All)}).");
                }

                foreach (var tool in grant.Tools.Where(tool => !app.Tools.ContainsKey(tool)))
                {
                    failures.Add($"{prefix}:{purpose}:Tools grants '{tool}', which is not on Applications:{appName}:Tools.");
                }
            }
        }
    }
}
