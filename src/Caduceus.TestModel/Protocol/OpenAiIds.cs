namespace Caduceus.TestModel.Protocol;

/// <summary>Random identifiers in the shapes OpenAI uses.</summary>
internal static class OpenAiIds
{
    public static string NewCompletionId() => "chatcmpl-" + Random24();

    public static string NewToolCallId() => "call_" + Random24();

    private static string Random24() => Guid.NewGuid().ToString("N")[..24];
}
