namespace Caduceus.Cli;

/// <summary>Prints the one-line error message every failing verb ends with.</summary>
internal static class CommandErrors
{
    public static int Fail(string message)
    {
        Console.Error.WriteLine("caduceus: " + message);
        return ExitCodes.InvalidInput;
    }
}
