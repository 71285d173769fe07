namespace Caduceus.RedTeam.Running;

/// <summary>
/// The target could not be drilled at all: unreachable, or it refused the benign warm-up as unauthorized or unknown.
/// Scoring such a run would count every attack as stopped, so the drill stops instead.
/// </summary>
public sealed class DrillTargetException(string message) : Exception(message);
