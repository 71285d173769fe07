namespace Caduceus.TestModel;

/// <summary>A test model script could not be read or is invalid. The message is one line and names the script.</summary>
public sealed class TestModelScriptException : Exception
{
    public TestModelScriptException()
    {
    }

    public TestModelScriptException(string message)
        : base(message)
    {
    }

    public TestModelScriptException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The script's file path, or <c>(in-code script)</c> for a script built in code.</summary>
    public string? ScriptName { get; private init; }

    internal static TestModelScriptException Create(string scriptName, string problem, Exception? innerException = null) =>
        new($"Test model script '{scriptName}': {OneLine(problem)}", innerException) { ScriptName = scriptName };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
