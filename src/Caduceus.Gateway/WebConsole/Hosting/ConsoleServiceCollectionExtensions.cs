using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.WebConsole.Accounts;
using Caduceus.Gateway.WebConsole.Live;
using Caduceus.Gateway.WebConsole.Passkeys;
using Caduceus.Gateway.WebConsole.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Caduceus.Gateway.WebConsole.Hosting;

/// <summary>Registers the web console: accounts, sessions, the live event feed, server-side Razor rendering and antiforgery.</summary>
internal static class ConsoleServiceCollectionExtensions
{
    public static IServiceCollection AddWebConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleOptions>().Bind(configuration.GetSection(ConsoleOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ConsoleOptions>, ConsoleOptionsValidator>();

        // State:Store = postgres has already put the shared stores in place (AddSharedState).
        services.TryAddSingleton<IConsoleAccountStore, SqliteConsoleAccountStore>();
        services.TryAddSingleton<IConsoleSessionStore, SqliteConsoleSessionStore>();
        services.AddSingleton(sp => new ConsoleTotpCipher(sp.GetRequiredService<DataKeyring>()));
        services.AddSingleton<ConsoleFailureLimiter>();
        services.AddSingleton<ConsoleSignIn>();
        services.TryAddSingleton<IConsolePasskeyStore, SqliteConsolePasskeyStore>();
        services.AddSingleton<ConsolePasskeyOrigins>();
        services.AddSingleton<ConsoleWebAuthn>();
        services.AddSingleton<ConsolePasskeySignIn>();
        services.AddSingleton<ConsolePasskeyRegistration>();
        services.AddSingleton<ConsoleEventFeed>();
        services.AddSingleton<AuditView.ConsoleAuditWindow>();
        services.AddSingleton<AuditView.ConsoleChainStatus>();
        services.AddSingleton<ModelInventory.ConsoleModelsContext>();
        services.AddSingleton<Applications.ConsoleApplicationsContext>();
        services.AddSingleton<Caduceus.Events.ISecurityEventSink>(sp => sp.GetRequiredService<ConsoleEventFeed>());

        services.AddRazorComponents();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.FormFieldName = Pages.ConsoleChrome.CsrfFieldName;
            antiforgery.HeaderName = null;
            antiforgery.Cookie.Name = "caduceus_console_csrf";
            antiforgery.Cookie.Path = "/console";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }
}
