using Caduceus.Gateway.Admin;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.Networking;
using Caduceus.Gateway.Siem;
using Caduceus.Gateway.Verification;
using Caduceus.Gateway.WebConsole.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.Hosting;

/// <summary>Builds the gateway web application: Kestrel, authentication, the OpenAI-compatible endpoints, the admin API and probes.</summary>
public static class GatewayApplication
{
    public static WebApplication Build(GatewayLaunchOptions launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = launch.ContentRoot, Args = [] });
        builder.Configuration.Sources.Clear();
        GatewayConfiguration.AddSources(builder.Configuration, launch);

        builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? GatewayLaunchOptions.DefaultUrls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = GatewayConfiguration.BindOptions(builder.Configuration).Limits.MaxRequestBodyBytes;
        });
        GatewayTls.Configure(builder);

        ConfigureLogging(builder);
        builder.Services.AddCaduceusGateway(builder.Configuration);
        launch.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        MapGateway(app);
        return app;
    }

    private static void ConfigureLogging(WebApplicationBuilder builder)
    {
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Http", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        // A failed start is reported to the caller as an exception (the CLI prints one line); not again as a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
    }

    private static void MapGateway(WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseExceptionHandler(errorApp => errorApp.Run(context =>
        {
            // The exception may quote request content; it is not written anywhere the client or logs can see.
            _ = context.Features.Get<IExceptionHandlerFeature>();
            return GatewayErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, "internal_error", "The gateway failed to process the request.");
        }));
        app.UseStatusCodePages(context => context.HttpContext.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => GatewayErrors.WriteAsync(context.HttpContext, 404, "not_found", "There is no such endpoint."),
            StatusCodes.Status405MethodNotAllowed => GatewayErrors.WriteAsync(context.HttpContext, 405, "method_not_allowed", "This endpoint does not accept that method."),
            _ => Task.CompletedTask,
        });
        app.UseHsts();
        ConsoleEndpoints.UseSecurityHeaders(app);
        var metrics = app.Services.GetRequiredService<GatewayMetrics>();
        app.Use((context, next) => metrics.MeasureAsync(context, () => next(context)));
        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ContainmentMiddleware>();

        app.MapGet("/healthz", HealthEndpoints.Live).AllowAnonymous();
        app.MapGet("/readyz", HealthEndpoints.ReadyAsync).AllowAnonymous();
        app.MapPost("/v1/chat/completions", ChatCompletionsEndpoint.HandleAsync).RequireAuthorization(GatewayPolicies.ModelUse);
        app.MapGet("/v1/models", ModelsEndpoint.HandleAsync).RequireAuthorization(GatewayPolicies.ModelUse);
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(GatewayPolicies.Metrics);
        MonitorEndpoints.Map(app, GatewayPolicies.Metrics);
        VerificationEndpoints.Map(app);
        AdminApi.Map(app);
        ConsoleEndpoints.Map(app);
    }

    /// <summary>The addresses Kestrel actually listens on (a port 0 in configuration becomes the real port).</summary>
    public static IReadOnlyCollection<string> ListeningAddresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.ToArray();
    }

}
