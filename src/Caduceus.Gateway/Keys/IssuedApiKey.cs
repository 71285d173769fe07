namespace Caduceus.Gateway.Keys;

/// <summary>A newly created key. <see cref="Secret"/> exists only here, to be shown once.</summary>
public sealed record IssuedApiKey(ApiKeyRecord Record, string Secret);
