namespace Caduceus.Evaluation.Metrics;

/// <summary>The detectors could not inspect one evaluation document. The message names the document, never its text.</summary>
public sealed class DetectionFailedException : Exception
{
    public DetectionFailedException()
    {
    }

    public DetectionFailedException(string message)
        : base(message)
    {
    }

    public DetectionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DetectionFailedException(string file, int lineNumber, Exception innerException)
        : base($"{file} line {lineNumber}: the detectors failed ({innerException?.GetType().Name})", innerException)
    {
    }
}
