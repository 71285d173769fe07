namespace Caduceus.Gateway.Compliance;

/// <summary>What a report says about one control: shown by evidence, not shown, or outside what the gateway does.</summary>
public enum ControlStatus
{
    /// <summary>The evidence listed with the control shows it is met.</summary>
    Pass,

    /// <summary>The gateway cannot show the control is met (the reason says why); never a silent pass.</summary>
    Gap,

    /// <summary>The control concerns something the gateway does not do (the reason says what).</summary>
    NotApplicable,
}
