namespace Caduceus.Evaluation.Data;

/// <summary>
/// A data or split file that cannot be read as specified. The message names the file and line and says what is wrong
/// in general terms; it never quotes the line, which may hold identifiers.
/// </summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException()
    {
    }

    public DatasetFormatException(string message)
        : base(message)
    {
    }

    public DatasetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DatasetFormatException(string file, int lineNumber, string problem)
        : base($"{file} line {lineNumber}: {problem}")
    {
    }
}
