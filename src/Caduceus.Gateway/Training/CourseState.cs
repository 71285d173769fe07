namespace Caduceus.Gateway.Training;

/// <summary>Where a person stands on one required course on a given day.</summary>
public enum CourseState
{
    /// <summary>Completed, and it holds beyond the look-ahead window.</summary>
    Current,

    /// <summary>Completed, but it expires within the look-ahead window.</summary>
    Expiring,

    /// <summary>The latest completion has expired.</summary>
    Expired,

    /// <summary>Never completed.</summary>
    Missing,
}
