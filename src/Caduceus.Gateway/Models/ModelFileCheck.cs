namespace Caduceus.Gateway.Models;

/// <summary>One file's verdict in an integrity check.</summary>
public sealed record ModelFileCheck(string Name, ModelFileStatus Status);
