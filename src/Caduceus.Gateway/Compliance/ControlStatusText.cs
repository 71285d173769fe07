namespace Caduceus.Gateway.Compliance;

/// <summary>The words reports use for a <see cref="ControlStatus"/>: <c>pass</c>, <c>gap</c>, <c>not_applicable</c>.</summary>
public static class ControlStatusText
{
    public static string Of(ControlStatus status) => status switch
    {
        ControlStatus.Pass => "pass",
        ControlStatus.Gap => "gap",
        _ => "not_applicable",
    };
}
