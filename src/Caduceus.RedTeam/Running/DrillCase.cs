using Caduceus.RedTeam.Attacks;

namespace Caduceus.RedTeam.Running;

/// <summary>
/// One request a drill sends: an attack under one mutation (<see cref="Attack"/> set), or benign clinic traffic
/// (<see cref="Attack"/> null).
/// </summary>
internal sealed record DrillCase(string Id, string Mutation, Attack? Attack, IReadOnlyList<DrillMessage> Messages)
{
    public IReadOnlyList<string> Tools => Attack?.Tools ?? [];

    public bool Stream { get; init; }

    public int? MaxTokens => Attack?.MaxTokens;

    /// <summary>The text of every message, to tell values the request already held from values the target leaked.</summary>
    public string RequestText => string.Join('\n', Messages.Select(m => m.Content));
}
