namespace Caduceus.Gateway.Verification;

/// <summary>The shared verification state cannot be reached: nobody counts as verified until it can.</summary>
internal sealed class VerificationStateUnavailableException(string message, Exception innerException) : Exception(message, innerException);
