namespace Caduceus.LoadTest;

/// <summary>One kind of request in the scenario mix, and the status each target should answer it with.</summary>
/// <param name="Name">As in <c>--mix</c>: benign, stream, phi or injection.</param>
/// <param name="Body">The request body (JSON).</param>
/// <param name="Streaming">Whether the body asks for a server-sent event stream.</param>
/// <param name="GatewayStatus">What the gateway must answer (400 for an injection it refuses).</param>
/// <param name="GatewayEvent">Whether the gateway must raise a security event for it (checked before loading).</param>
internal sealed record LoadScenario(string Name, byte[] Body, bool Streaming, int GatewayStatus, bool GatewayEvent)
{
    /// <summary>The test model answers every request; only the gateway refuses some.</summary>
    public int ExpectedStatus(bool throughGateway) => throughGateway ? GatewayStatus : 200;
}
