using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Anomaly;
using Caduceus.Gateway.AnswerLimits;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Forwarding;
using Caduceus.Gateway.Hosting;
using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.Limits;
using Caduceus.Gateway.Siem;
using Caduceus.Gateway.Vault;
using Microsoft.Extensions.Configuration;

namespace Caduceus.Gateway.Compliance;

/// <summary>The configuration a report reads, bound from the same sections the gateway binds at start-up.</summary>
internal sealed record ComplianceSettings
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    public required GatewayOptions Gateway { get; init; }

    public required EncryptionOptions Encryption { get; init; }

    public required VaultOptions Vault { get; init; }

    public required AnomalyOptions Anomaly { get; init; }

    public required AnswerLimitsOptions AnswerLimits { get; init; }

    public required UsageLimitsOptions UsageLimits { get; init; }

    public required AdminMfaOptions Admin { get; init; }

    public required SiemOptions Siem { get; init; }

    public required UpstreamTlsOptions UpstreamTls { get; init; }

    /// <summary>The playbooks in force (defaults merged with configuration, disabled ones left out).</summary>
    public required IReadOnlyList<Playbook> Playbooks { get; init; }

    /// <summary>The gateway's listening addresses (<c>Urls</c>, semicolon separated).</summary>
    public required string Urls { get; init; }

    /// <exception cref="InvalidOperationException">A setting has a value of the wrong type.</exception>
    public static ComplianceSettings Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var gateway = GatewayConfiguration.BindOptions(configuration);
        IReadOnlyList<Playbook> playbooks;
        try
        {
            playbooks = DefaultPlaybooks.Resolve(gateway.Incidents);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException("Incidents:Playbooks: " + exception.Message, exception);
        }

        return new ComplianceSettings
        {
            Gateway = gateway,
            Playbooks = playbooks,
            Encryption = Section<EncryptionOptions>(configuration, EncryptionOptions.SectionName),
            Vault = Section<VaultOptions>(configuration, VaultOptions.SectionName),
            Anomaly = Section<AnomalyOptions>(configuration, AnomalyOptions.SectionName),
            AnswerLimits = Section<AnswerLimitsOptions>(configuration, AnswerLimitsOptions.SectionName),
            UsageLimits = Section<UsageLimitsOptions>(configuration, UsageLimitsOptions.SectionName),
            Admin = Section<AdminMfaOptions>(configuration, AdminMfaOptions.SectionName),
            Siem = Section<SiemOptions>(configuration, "Siem"),
            UpstreamTls = Section<UpstreamTlsOptions>(configuration, "UpstreamTls"),
            Urls = configuration["Urls"] is { Length: > 0 } urls ? urls : DefaultUrls,
        };
    }

    private static T Section<T>(IConfiguration configuration, string name)
        where T : class, new() => configuration.GetSection(name).Get<T>() ?? new T();
}
