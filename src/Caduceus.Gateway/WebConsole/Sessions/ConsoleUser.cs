using Caduceus.Gateway.WebConsole.Accounts;

namespace Caduceus.Gateway.WebConsole.Sessions;

/// <summary>The person behind a request: their account and the session their cookie names.</summary>
internal sealed record ConsoleUser(ConsoleAccount Account, ConsoleSession Session)
{
    public string Name => Account.Name;

    public IReadOnlyList<string> Roles => Account.Roles;

    public bool MayAct => ConsoleRoles.MayAct(Account.Roles);

    public bool MayRevealPhi => ConsoleRoles.MayRevealPhi(Account.Roles);
}
