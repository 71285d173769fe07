using System.Text.Json.Nodes;
using Caduceus.Detection;

namespace Caduceus.Gateway.Pipeline;

/// <summary>
/// One piece of text inside a chat request: a message's string content, or the text of one content part.
/// Holds its place in the JSON so that a transformed text can be written back without touching anything else.
/// </summary>
internal sealed class ChatText(JsonObject container, string property, TextSource source, string text)
{
    public TextSource Source { get; } = source;

    public string Text { get; private set; } = text;

    public void Replace(string text)
    {
        Text = text;
        container[property] = text;
    }
}
