namespace Caduceus.Gateway.Incidents;

/// <summary>The body of <c>POST /admin/drills</c>: whose traffic is a drill (a key id), a label, and for how long (e.g. <c>30m</c>).</summary>
public sealed record DrillRequest(string? Principal, string? Label, string? Duration);
