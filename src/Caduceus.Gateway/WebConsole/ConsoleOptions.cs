namespace Caduceus.Gateway.WebConsole;

/// <summary>The web console's settings (section <c>Console</c>).</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "Console";

    /// <summary>False turns <c>/console</c> off entirely (404).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A session unused this long ends.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A session ends this long after sign-in, used or not.</summary>
    public TimeSpan SessionMaxLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a step-up code covers dangerous actions.</summary>
    public TimeSpan StepUpWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failed sign-ins or codes per account name within <see cref="FailureWindow"/> before it is locked.</summary>
    public int MaxFailuresPerAccount { get; set; } = 5;

    /// <summary>Failed sign-ins or codes per source address within <see cref="FailureWindow"/> before it is locked.</summary>
    public int MaxFailuresPerAddress { get; set; } = 20;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Passkey sign-in: the relying party the console is to browsers (section <c>Console:Passkeys</c>).</summary>
    public ConsolePasskeyOptions Passkeys { get; set; } = new();
}
