using System.Text.Json.Serialization;

namespace Caduceus.Gateway.Keys;

/// <summary>A list of keys, e.g. <c>GET /admin/keys</c>. <see cref="UnusedDays"/> is set on the unused-keys report.</summary>
public sealed record ApiKeyListView(
    IReadOnlyList<ApiKeyView> Keys,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? UnusedDays = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Disabled = null);
