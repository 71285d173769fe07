using Caduceus.Policy;

namespace Caduceus.Gateway.Pipeline;

/// <summary>What a client is told when an answer is withheld (complete) or stopped (streamed), by refusal code.</summary>
internal static class AnswerRefusals
{
    public static string Message(string refusalCode, bool streaming)
    {
        var verb = streaming ? "stopped" : "withheld";
        return refusalCode switch
        {
            RefusalCodes.SystemPromptLeak => $"The answer was {verb}: it repeats the application's confidential instructions.",
            RefusalCodes.CallerNotVerified => $"The answer was {verb}: it contains patient information and the caller has not been verified.",
            RefusalCodes.AnswerTooLong => $"The answer was {verb}: it is longer than the gateway's answer limit (AnswerLimits:MaxTokens).",
            RefusalCodes.StreamTooSlow => $"The answer was {verb}: the model streamed it slower than the gateway's minimum rate (AnswerLimits:MinStreamCharactersPerSecond).",
            RefusalCodes.OtherPatientPhi => $"The answer was {verb}: it contains information about someone other than the verified caller.",
            _ => $"The answer was {verb}: it contains information this application's policy does not allow to reach the client.",
        };
    }
}
