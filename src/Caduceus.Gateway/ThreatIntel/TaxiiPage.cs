using System.Text.Json;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>One TAXII 2.1 envelope: its objects, whether more follow (and the <c>next</c> token), and the server's X-TAXII-Date-Added-Last.</summary>
internal sealed record TaxiiPage(IReadOnlyList<JsonElement> Objects, bool More, string? Next, string? DateAddedLast);
