namespace Caduceus.Gateway.WebConsole.Sessions;

/// <summary>Security event types the console raises. They carry the account principal and a reason, never a password or code.</summary>
internal static class ConsoleEvents
{
    public const string LoginSucceeded = "console.login_succeeded";
    public const string LoginFailed = "console.login_failed";
    public const string StepUpSucceeded = "console.step_up_succeeded";
    public const string StepUpFailed = "console.step_up_failed";
    public const string PhiRevealed = "console.phi_revealed";
    public const string PasskeyRegistered = "console.passkey_registered";
    public const string PasskeyRemoved = "console.passkey_removed";
}
