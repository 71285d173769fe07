namespace Caduceus.Gateway.Lockout;

/// <summary>The shared failure counters cannot be reached: no attempt may be checked until they can (fail closed).</summary>
internal sealed class FailureCountersUnavailableException(string message, Exception innerException) : Exception(message, innerException);
