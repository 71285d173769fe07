namespace Caduceus.RedTeam.Attacks;

/// <summary>How an attack's payload reaches the model.</summary>
public enum Delivery
{
    /// <summary>The user types it.</summary>
    Direct,

    /// <summary>Hidden in a document the user pastes and asks about (indirect injection).</summary>
    Document,

    /// <summary>Hidden in a tool result the application feeds back to the model (indirect injection).</summary>
    ToolResult,
}
