using Caduceus.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Incidents;

/// <summary>Registers incident response: playbooks (validated at start-up), the store, containment actions and the worker.</summary>
internal static class IncidentServiceCollectionExtensions
{
    public static IServiceCollection AddIncidentResponse(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IncidentOptions>().Bind(configuration.GetSection(IncidentOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IncidentOptions>, IncidentOptionsValidator>();
        services.AddSingleton<IncidentPlaybooks>();
        services.AddSingleton<IIncidentStore, SqliteIncidentStore>();
        services.AddSingleton<IContainmentStore, SqliteContainmentStore>();
        services.AddSingleton<ActiveContainment>();
        services.AddSingleton<ContainmentLifting>();
        services.AddSingleton<IContainmentAction, RevokeKeyAction>();
        services.AddSingleton<IContainmentAction, SuspendKeyAction>();
        services.AddSingleton<IContainmentAction, DisableApplicationAction>();
        services.AddSingleton<IncidentResponder>();
        services.AddSingleton<IncidentInbox>();
        services.AddSingleton<ISecurityEventSink, IncidentEventSink>();
        services.AddHostedService<IncidentWorker>();
        return services;
    }
}
