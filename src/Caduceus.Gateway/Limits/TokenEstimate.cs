using Caduceus.Gateway.Pipeline;

namespace Caduceus.Gateway.Limits;

/// <summary>
/// A cheap token count for text the model has not counted (yet): one token per started four characters, the usual
/// rule of thumb for English with OpenAI's tokenizers. The model's own <c>usage</c> replaces it when the answer has one.
/// </summary>
internal static class TokenEstimate
{
    public static long Of(long characters) => (characters + 3) / 4;

    public static long OfPrompt(IEnumerable<ChatText> texts) => texts.Sum(text => Of(text.Text.Length));
}
