using Caduceus.Detection.Phi.Identifiers;

namespace Caduceus.Detection.Phi.Accounts;

/// <summary>
/// Labels of account numbers: bank, card, hospital account, billing, invoice and claim numbers ("acct #",
/// "account number", "billing id", "claim #", Cerner's "FIN", Epic's "HAR"). Written for this project.
/// </summary>
internal static class AccountLabels
{
    private const double Score = 0.8;

    public static IReadOnlyList<IdentifierLabel> All { get; } =
    [
        new("acct", EntityTypes.Account, Score),
        new("FIN", EntityTypes.Account, Score, MatchCase: true),
        new("HAR", EntityTypes.Account, Score, MatchCase: true),
        .. new[]
        {
            "account", "billing", "invoice", "claim", "checking", "savings", "routing", "card", "statement", "guarantor",
        }.Select(p => new IdentifierLabel(p, EntityTypes.Account, Score, IsWeak: true)),
    ];
}
