namespace Caduceus.LoadTest;

/// <summary>One way of running the bench gateway in a <c>--compare</c> run.</summary>
/// <param name="Name">As in the report, e.g. <c>gateway-noaudit</c>.</param>
/// <param name="Audit">The bench gateway's <c>--audit</c>: on (requests wait for their audit record's commit), off, or
/// sync-normal (the same commit without an fsync).</param>
/// <param name="Exporters">Whether the SIEM exporters send every security event to the load test's receivers.</param>
internal sealed record GatewayVariant(string Name, string Audit, bool Exporters);
