namespace Caduceus.Gateway.Vault;

/// <summary>The sealed marker row a vault keeps to prove its key; stored like any pseudonym, under a scope no conversation has.</summary>
internal sealed record VaultKeyMarker(byte[] Scope, string Token, string EntityType, byte[] SealedValue);
