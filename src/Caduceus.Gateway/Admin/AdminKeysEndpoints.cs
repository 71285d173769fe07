using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Keys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Admin;

/// <summary>
/// <c>/admin/keys</c>: create, list, show, rotate, revoke keys, and report or disable the unused ones. Secrets appear
/// only in the answers to create and rotate, which are marked not to be cached.
/// </summary>
internal static class AdminKeysEndpoints
{
    public static void Map(RouteGroupBuilder keys)
    {
        keys.MapPost("/", CreateAsync);
        keys.MapGet("/", ListAsync);
        keys.MapGet("/unused", UnusedAsync);
        keys.MapPost("/unused/disable", DisableUnusedAsync).RequireStepUp(DangerousAdminActions.UnusedKeyDisabling);
        keys.MapGet("/{id}", GetAsync);
        keys.MapPost("/{id}/rotate", RotateAsync).RequireStepUp(DangerousAdminActions.KeyRotation);
        keys.MapDelete("/{id}", RevokeAsync).RequireStepUp(DangerousAdminActions.KeyRevocation);
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, IApiKeyStore store, IOptions<GatewayOptions> options, TimeProvider timeProvider, AdminKeyLog log)
    {
        var (request, error) = await AdminResults.ReadBodyAsync(context, AdminJsonContext.Default.CreateApiKeyRequest, optional: false);
        if (error is not null)
        {
            return error;
        }

        if (!NewApiKeyInput.TryCreate(options.Value, request!.Application, request.Roles, request.Label, request.ExpiresIn, timeProvider.GetUtcNow(), out var key, out var invalid))
        {
            return AdminResults.InvalidRequest(Capitalize(invalid));
        }

        var issued = await store.CreateAsync(key, context.RequestAborted);
        log.Created(context.User, issued.Record);
        context.Response.Headers.Location = $"{AdminApi.Prefix}/keys/{issued.Record.Id}";
        return Secret(context, IssuedApiKeyView.From(issued), StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(IApiKeyStore store, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var keys = await store.ListAsync(cancellationToken);
        return Results.Json(new ApiKeyListView(keys.Select(k => ApiKeyView.From(k, now)).ToArray()), ApiKeyJsonContext.Default.ApiKeyListView);
    }

    private static async Task<IResult> GetAsync(string id, IApiKeyStore store, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var key = await store.GetAsync(id, cancellationToken);
        return key is null
            ? AdminResults.NotFound(id)
            : Results.Json(ApiKeyView.From(key, timeProvider.GetUtcNow()), ApiKeyJsonContext.Default.ApiKeyView);
    }

    private static async Task<IResult> RotateAsync(string id, HttpContext context, IApiKeyStore store, TimeProvider timeProvider, AdminKeyLog log)
    {
        var (request, error) = await AdminResults.ReadBodyAsync(context, AdminJsonContext.Default.RotateApiKeyRequest, optional: true);
        if (error is not null)
        {
            return error;
        }

        if (!RotationGrace.TryParse(request?.Grace, out var grace, out var invalid))
        {
            return AdminResults.InvalidRequest(Capitalize(invalid));
        }

        var issued = await store.RotateAsync(id, grace, context.RequestAborted);
        if (issued is null)
        {
            var existing = await store.GetAsync(id, context.RequestAborted);
            return existing is null
                ? AdminResults.NotFound(id)
                : AdminResults.Problem(
                    StatusCodes.Status409Conflict,
                    "key_not_active",
                    $"Key '{id}' is {existing.StatusAt(timeProvider.GetUtcNow()).ToString().ToLowerInvariant()}; only active keys can be rotated.");
        }

        log.Rotated(context.User, issued.Record, grace);
        return Secret(context, IssuedApiKeyView.From(issued), StatusCodes.Status200OK);
    }

    private static async Task<IResult> RevokeAsync(string id, HttpContext context, IApiKeyStore store, TimeProvider timeProvider, AdminKeyLog log)
    {
        var revoked = await store.RevokeAsync(id, ApiKeyRevocationReason.Revoked, context.RequestAborted);
        if (revoked is null)
        {
            return AdminResults.NotFound(id);
        }

        log.Revoked(context.User, revoked);
        return Results.Json(ApiKeyView.From(revoked, timeProvider.GetUtcNow()), ApiKeyJsonContext.Default.ApiKeyView);
    }

    private static async Task<IResult> UnusedAsync(HttpContext context, IApiKeyStore store, TimeProvider timeProvider)
    {
        if (!UnusedKeys.TryParseDays(context.Request.Query["days"], out var days, out var invalid))
        {
            return AdminResults.InvalidRequest("The query parameter 'days' " + invalid);
        }

        var now = timeProvider.GetUtcNow();
        var unused = UnusedKeys.Select(await store.ListAsync(context.RequestAborted), now, days);
        return Results.Json(new ApiKeyListView(unused.Select(k => ApiKeyView.From(k, now)).ToArray(), days, false), ApiKeyJsonContext.Default.ApiKeyListView);
    }

    private static async Task<IResult> DisableUnusedAsync(HttpContext context, IApiKeyStore store, TimeProvider timeProvider, AdminKeyLog log)
    {
        if (!UnusedKeys.TryParseDays(context.Request.Query["days"], out var days, out var invalid))
        {
            return AdminResults.InvalidRequest("The query parameter 'days' " + invalid);
        }

        var now = timeProvider.GetUtcNow();
        var disabled = await store.DisableUnusedAsync(UnusedKeys.Cutoff(now, days), context.RequestAborted);
        foreach (var key in disabled)
        {
            log.Disabled(context.User, key, days);
        }

        return Results.Json(new ApiKeyListView(disabled.Select(k => ApiKeyView.From(k, now)).ToArray(), days, true), ApiKeyJsonContext.Default.ApiKeyListView);
    }

    private static IResult Secret(HttpContext context, IssuedApiKeyView view, int statusCode)
    {
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(view, ApiKeyJsonContext.Default.IssuedApiKeyView, statusCode: statusCode);
    }

    private static string Capitalize(string message) => char.ToUpperInvariant(message[0]) + message[1..];
}
