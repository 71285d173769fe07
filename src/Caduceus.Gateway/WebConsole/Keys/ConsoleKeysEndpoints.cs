using Caduceus.Gateway.Admin;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.WebConsole.Hosting;
using Caduceus.Gateway.WebConsole.Pages;
using Caduceus.Gateway.WebConsole.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.WebConsole.Keys;

/// <summary><c>/console/keys</c>: list, create (the secret shown once) and revoke (with a step-up code).</summary>
internal static class ConsoleKeysEndpoints
{
    public static async Task<IResult> ListAsync(HttpContext context, IApiKeyStore store, IOptions<GatewayOptions> options, ConsoleSignIn signIn, TimeProvider clock) =>
        await PageAsync(context, store, options, signIn, clock, null, false, StatusCodes.Status200OK);

    public static async Task<IResult> CreateAsync(HttpContext context, IApiKeyStore store, IOptions<GatewayOptions> options, ConsoleSignIn signIn, TimeProvider clock)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!NewApiKeyInput.TryCreate(options.Value, form["application"], [form["role"].ToString()], form["label"], null, clock.GetUtcNow(), out var key, out var error))
        {
            return await PageAsync(context, store, options, signIn, clock, "The key was not created: " + error, true, StatusCodes.Status400BadRequest);
        }

        var issued = await store.CreateAsync(key, context.RequestAborted);
        return ConsolePages.Render<KeyCreatedPage>(new()
        {
            [nameof(KeyCreatedPage.Chrome)] = ConsolePages.Chrome(context, "Key created", "keys"),
            [nameof(KeyCreatedPage.KeyId)] = issued.Record.Id,
            [nameof(KeyCreatedPage.Application)] = issued.Record.Application,
            [nameof(KeyCreatedPage.Secret)] = issued.Secret,
        });
    }

    public static async Task<IResult> RevokeAsync(string id, HttpContext context, IApiKeyStore store, IOptions<GatewayOptions> options, ConsoleSignIn signIn, TimeProvider clock, AdminKeyLog log)
    {
        var proof = await ConsoleStepUp.EnsureAsync(context, signIn, "/console/keys/revoke");
        if (!proof.Accepted)
        {
            return await PageAsync(context, store, options, signIn, clock, proof.Message, true, ConsoleStepUp.StatusFor(proof));
        }

        var revoked = await store.RevokeAsync(id, ApiKeyRevocationReason.Revoked, context.RequestAborted);
        if (revoked is null)
        {
            return await PageAsync(context, store, options, signIn, clock, $"There is no key with id '{id}'.", true, StatusCodes.Status404NotFound, steppedUpNow: true);
        }

        log.Revoked(context.User, revoked);
        return await PageAsync(context, store, options, signIn, clock, $"Key {revoked.Id} is revoked; every gateway refuses it within a second.", false, StatusCodes.Status200OK, steppedUpNow: true);
    }

    private static async Task<IResult> PageAsync(
        HttpContext context, IApiKeyStore store, IOptions<GatewayOptions> options, ConsoleSignIn signIn, TimeProvider clock, string? message, bool isError, int statusCode, bool steppedUpNow = false)
    {
        var user = ConsoleRequest.RequiredUserOf(context);
        var keys = await store.ListAsync(context.RequestAborted);
        var steppedUp = steppedUpNow || signIn.IsSteppedUp(user);
        return ConsolePages.Render<KeysPage>(
            new()
            {
                [nameof(KeysPage.Chrome)] = ConsolePages.Chrome(context, "API keys", "keys"),
                [nameof(KeysPage.Keys)] = keys.Reverse().ToArray(),
                [nameof(KeysPage.Applications)] = options.Value.Applications.Keys.Order(StringComparer.Ordinal).ToArray(),
                [nameof(KeysPage.Now)] = clock.GetUtcNow(),
                [nameof(KeysPage.SteppedUp)] = steppedUp,
                [nameof(KeysPage.Message)] = message,
                [nameof(KeysPage.MessageIsError)] = isError,
            },
            statusCode);
    }
}
