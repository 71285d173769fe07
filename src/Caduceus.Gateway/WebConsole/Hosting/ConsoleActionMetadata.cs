namespace Caduceus.Gateway.WebConsole.Hosting;

/// <summary>Marks a console endpoint that changes something (keys, containment): only <c>security_admin</c> may use it.</summary>
internal sealed class ConsoleActionMetadata
{
    public static ConsoleActionMetadata Instance { get; } = new();
}
