namespace Caduceus.Gateway.Anomaly;

/// <summary>
/// The subject's window ending with the current bucket, and, for exactly one caller when the subject moves on to a
/// new bucket, the window that ended with its previous active bucket (to fold into the baselines) and that bucket.
/// </summary>
internal sealed record WindowUpdate(WindowCounts Current, WindowCounts? Closed, long ClosedBucket = 0);
