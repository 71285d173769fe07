namespace Caduceus.Gateway.WebConsole.Pages;

/// <summary>
/// What every console page needs around its content: title, which menu entry is current, who is signed in and the
/// antiforgery token its forms carry. Public because Razor components are; it holds nothing secret but the token.
/// </summary>
public sealed record ConsoleChrome(string Title, string Active, string? UserName, IReadOnlyList<string> Roles, string CsrfToken)
{
    public const string CsrfFieldName = "__csrf";

    public bool MayAct => Accounts.ConsoleRoles.MayAct(Roles);

    public bool MayRevealPhi => Accounts.ConsoleRoles.MayRevealPhi(Roles);
}
