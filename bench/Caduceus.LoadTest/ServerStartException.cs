namespace Caduceus.LoadTest;

/// <summary>A server (or the build that makes it) could not be started; the message is one line for the user.</summary>
internal sealed class ServerStartException(string message) : Exception(message);
