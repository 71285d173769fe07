namespace Caduceus.Gateway.Models;

public enum ModelInventoryOutcome
{
    Done,
    NotFound,

    /// <summary>A duplicate entry, or a second default model for the application.</summary>
    Conflict,
}
