namespace Caduceus.Gateway.Compliance;

/// <summary>A framework's control and the evaluator that states it from the gateway's state.</summary>
internal sealed record ControlEvaluation(ControlDefinition Control, Func<ControlDefinition, ComplianceState, ControlResult> Evaluate)
{
    public ControlEvaluation(string id, string title, Func<ControlDefinition, ComplianceState, ControlResult> evaluate)
        : this(new ControlDefinition(id, title), evaluate)
    {
    }

    public ControlResult EvaluateOn(ComplianceState state) => Evaluate(Control, state);
}
