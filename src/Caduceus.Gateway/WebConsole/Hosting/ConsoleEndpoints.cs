using Caduceus.Gateway.WebConsole.Applications;
using Caduceus.Gateway.WebConsole.AuditView;
using Caduceus.Gateway.WebConsole.Compliance;
using Caduceus.Gateway.WebConsole.Drills;
using Caduceus.Gateway.WebConsole.Incidents;
using Caduceus.Gateway.WebConsole.Keys;
using Caduceus.Gateway.WebConsole.Live;
using Caduceus.Gateway.WebConsole.ModelInventory;
using Caduceus.Gateway.WebConsole.Overview;
using Caduceus.Gateway.WebConsole.Passkeys;
using Caduceus.Gateway.WebConsole.Playground;
using Caduceus.Gateway.WebConsole.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.WebConsole.Hosting;

/// <summary>
/// Maps the web console under <c>/console</c>. Its endpoints are anonymous to the API-key authorization (a person's
/// browser holds no key): <see cref="ConsoleAccessFilter"/> demands a console session on all but the login page and
/// the static assets.
/// </summary>
internal static class ConsoleEndpoints
{
    /// <summary>The console's security headers on every <c>/console</c> answer, error pages included.</summary>
    public static void UseSecurityHeaders(WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/console"),
            console => console.Use((context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    ConsoleSecurityHeaders.Apply(context.Response);
                    return Task.CompletedTask;
                });
                return next(context);
            }));
    }

    public static void Map(WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value.Enabled)
        {
            return;
        }

        var console = app.MapGroup("/console").AllowAnonymous();
        console.MapGet("/assets/{name}", ConsoleAssets.Serve);
        console.MapGet("/login", ConsoleLoginEndpoints.ShowLogin);
        console.MapPost("/login", ConsoleLoginEndpoints.SignInAsync);
        console.MapPost("/login/passkey", ConsolePasskeyLoginEndpoints.CompleteAsync);

        var pages = console.MapGroup(string.Empty).AddEndpointFilter<ConsoleAccessFilter>();
        pages.MapPost("/logout", ConsoleLoginEndpoints.SignOutAsync);
        pages.MapGet("/live", ConsoleLiveEndpoints.Page);
        pages.MapGet("/events/stream", ConsoleEventStream.WriteAsync);
        pages.MapGet("/keys", ConsoleKeysEndpoints.ListAsync);
        pages.MapPost("/keys", ConsoleKeysEndpoints.CreateAsync).WithMetadata(ConsoleActionMetadata.Instance);
        pages.MapPost("/keys/{id}/revoke", ConsoleKeysEndpoints.RevokeAsync).WithMetadata(ConsoleActionMetadata.Instance);
        pages.MapGet("/", ConsoleOverviewEndpoints.PageAsync);
        pages.MapGet("/audit", ConsoleAuditEndpoints.SearchAsync);
        pages.MapGet("/incidents", ConsoleIncidentsEndpoints.ListAsync);
        pages.MapGet("/incidents/{id}", ConsoleIncidentsEndpoints.ShowAsync);
        pages.MapGet("/incidents/{id}/report", ConsoleIncidentsEndpoints.ReportAsync);
        pages.MapPost("/incidents/{id}/actions", ConsoleIncidentsEndpoints.ActAsync).WithMetadata(ConsoleActionMetadata.Instance);
        pages.MapPost("/incidents/{id}/close", ConsoleIncidentsEndpoints.CloseAsync).WithMetadata(ConsoleActionMetadata.Instance);
        pages.MapPost("/blocks/{id}/lift", ConsoleIncidentsEndpoints.LiftAsync).WithMetadata(ConsoleActionMetadata.Instance);
        pages.MapGet("/models", ConsoleModelsEndpoints.ListAsync);
        pages.MapGet("/models/edit", ConsoleModelsEndpoints.EditAsync);
        pages.MapPost("/models", ConsoleModelsEndpoints.AddAsync).WithMetadata(ConsoleActionMetadata.Instance);
        pages.MapPost("/models/update", ConsoleModelsEndpoints.UpdateAsync).WithMetadata(ConsoleActionMetadata.Instance);
        pages.MapPost("/models/retire", ConsoleModelsEndpoints.RetireAsync).WithMetadata(ConsoleActionMetadata.Instance);
        pages.MapGet("/applications", ConsoleApplicationsEndpoints.ListAsync);
        pages.MapGet("/applications/{name}/policy", ConsoleApplicationsEndpoints.EditAsync).WithMetadata(ConsoleActionMetadata.Instance);
        pages.MapPost("/applications/{name}/policy", ConsoleApplicationsEndpoints.PreviewAsync).WithMetadata(ConsoleActionMetadata.Instance);
        pages.MapPost("/applications/{name}/policy/confirm", ConsoleApplicationsEndpoints.ConfirmAsync).WithMetadata(ConsoleActionMetadata.Instance);
        pages.MapGet("/drills", ConsoleDrillsEndpoints.ListAsync);
        pages.MapPost("/drills/{name}/run", ConsoleDrillsEndpoints.RunAsync).WithMetadata(ConsoleActionMetadata.Instance);
        pages.MapGet("/playground", ConsolePlaygroundEndpoints.Page);
        pages.MapGet("/compliance", ConsoleComplianceEndpoints.PageAsync);
        pages.MapPost("/playground", ConsolePlaygroundEndpoints.AnalyzeAsync);
        pages.MapGet("/passkeys", ConsolePasskeysEndpoints.ListAsync);
        pages.MapPost("/passkeys/options", ConsolePasskeysEndpoints.BeginAsync);
        pages.MapPost("/passkeys/step-up/options", ConsolePasskeyStepUpEndpoints.OptionsAsync);
        pages.MapPost("/passkeys", ConsolePasskeysEndpoints.RegisterAsync);
        pages.MapPost("/passkeys/{id}/remove", ConsolePasskeysEndpoints.RemoveAsync);
    }
}
