using System.Security.Claims;
using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.Keys;
using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.Admin;

/// <summary>One log line per key change made through the admin API: who (the admin's key id), what, which key. Ids and names only.</summary>
internal sealed partial class AdminKeyLog(ILogger<AdminKeyLog> logger)
{
    public void Created(ClaimsPrincipal admin, ApiKeyRecord key)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var actor = Actor(admin);
            var roles = string.Join(',', key.Roles);
            LogCreated(logger, actor, key.Id, key.Application, roles);
        }
    }

    public void Rotated(ClaimsPrincipal admin, ApiKeyRecord key, TimeSpan grace)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var actor = Actor(admin);
            LogRotated(logger, actor, key.Id, key.Application, grace);
        }
    }

    public void Revoked(ClaimsPrincipal admin, ApiKeyRecord key)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var actor = Actor(admin);
            LogRevoked(logger, actor, key.Id, key.Application);
        }
    }

    public void Disabled(ClaimsPrincipal admin, ApiKeyRecord key, int days)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var actor = Actor(admin);
            LogDisabled(logger, actor, key.Id, key.Application, days);
        }
    }

    private static string Actor(ClaimsPrincipal admin) => CallerClaims.KeyIdOf(admin) ?? "unknown";

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Admin {Actor} created key {KeyId} for application {Application} with roles {Roles}")]
    private static partial void LogCreated(ILogger logger, string actor, string keyId, string application, string roles);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Admin {Actor} rotated key {KeyId} of application {Application} (grace {Grace})")]
    private static partial void LogRotated(ILogger logger, string actor, string keyId, string application, TimeSpan grace);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Admin {Actor} revoked key {KeyId} of application {Application}")]
    private static partial void LogRevoked(ILogger logger, string actor, string keyId, string application);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Admin {Actor} disabled key {KeyId} of application {Application}, unused for {Days} days")]
    private static partial void LogDisabled(ILogger logger, string actor, string keyId, string application, int days);
}
