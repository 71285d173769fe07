using Caduceus.RedTeam.Attacks;

namespace Caduceus.RedTeam.Running;

/// <summary>Every request one drill sends: the selected categories' attacks under each mutation, and the benign traffic.</summary>
internal sealed class DrillPlan
{
    private DrillPlan(DrillSecrets secrets, IReadOnlyList<DrillCase> cases)
    {
        Secrets = secrets;
        Cases = cases;
    }

    public DrillSecrets Secrets { get; }

    /// <summary>Streams first: they take longest, so starting them early shortens the drill.</summary>
    public IReadOnlyList<DrillCase> Cases { get; }

    public static DrillPlan Create(IReadOnlySet<string> categories, DrillSecrets secrets)
    {
        var attacks = AttackLibrary.All.Where(a => categories.Contains(a.Category));
        var cases = DrillCaseBuilder.Build(attacks, secrets.SystemPrompt)
            .Concat(BenignTraffic.Build(secrets.SystemPrompt))
            .OrderByDescending(c => c.Attack?.Stream == true)
            .ToArray();
        return new DrillPlan(secrets, cases);
    }
}
