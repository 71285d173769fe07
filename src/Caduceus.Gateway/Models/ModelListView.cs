namespace Caduceus.Gateway.Models;

/// <summary><c>{"models": [...]}</c>.</summary>
public sealed record ModelListView(IReadOnlyList<ModelEntryView> Models);
