namespace Caduceus.Gateway.WebConsole.Sessions;

/// <summary>A signed-in console session. The token itself lives only in the person's cookie; here only its hash.</summary>
internal sealed record ConsoleSession(byte[] TokenHash, string AccountId, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset? SteppedUpAt);
