namespace Caduceus.Evaluation.Bias;

/// <summary>
/// The target cannot be audited: unreachable, it refused the key, or it rate-limited the audit. Counting such answers
/// as refusals would invent a difference between groups (or hide one), so the audit stops instead.
/// </summary>
public sealed class BiasTargetException(string message) : Exception(message);
