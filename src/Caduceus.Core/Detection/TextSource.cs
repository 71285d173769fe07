namespace Caduceus.Detection;

/// <summary>Where a text sits in a conversation. Detectors may be stricter on text the user did not type.</summary>
public enum TextSource
{
    User,
    System,
    Assistant,
    Tool,
    ModelOutput,
}
