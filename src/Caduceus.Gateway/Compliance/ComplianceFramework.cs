namespace Caduceus.Gateway.Compliance;

/// <summary>A framework a report can be generated for: its command-line name, its title, and its controls in order.</summary>
public sealed record ComplianceFramework
{
    internal ComplianceFramework(string name, string title, IReadOnlyList<ControlEvaluation> controls)
    {
        Name = name;
        Title = title;
        Controls = controls;
    }

    /// <summary><c>hipaa</c>, <c>owasp-llm</c>, <c>nist-ai-rmf</c> or <c>saif</c>.</summary>
    public string Name { get; }

    public string Title { get; }

    internal IReadOnlyList<ControlEvaluation> Controls { get; }

    internal IReadOnlyList<ControlResult> Evaluate(ComplianceState state) => Controls.Select(c => c.EvaluateOn(state)).ToArray();
}
