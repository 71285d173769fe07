namespace Caduceus.TestModel;

/// <summary>
/// One scripted behaviour. Rules are tried in order and the first whose <see cref="Match"/> pattern
/// (and <see cref="Model"/>, when set) fits the request decides the answer.
/// </summary>
public sealed class TestModelRule
{
    /// <summary>The default number of characters per streamed content or arguments delta.</summary>
    public const int DefaultChunkSize = 8;

    /// <summary>A .NET regular expression; null matches every request. Matched with a one second timeout.</summary>
    public string? Match { get; set; }

    /// <summary>The text the pattern is tried against.</summary>
    public TestModelMatchTarget On { get; set; } = TestModelMatchTarget.LastUser;

    /// <summary>When set, the rule applies only to requests for this model name (case-insensitive).</summary>
    public string? Model { get; set; }

    /// <summary>
    /// The assistant text. Placeholders: <c>{{lastUser}}</c>, <c>{{system}}</c> (system and developer messages),
    /// <c>{{lastTool}}</c> (last tool result). Null gives the echo reply unless <see cref="ToolCalls"/> is set.
    /// </summary>
    public string? Reply { get; set; }

    /// <summary>Function calls to make; the finish reason becomes <c>tool_calls</c>.</summary>
    public IList<TestModelToolCall> ToolCalls { get; } = [];

    /// <summary>Characters per streamed delta; <see cref="DefaultChunkSize"/> when not set.</summary>
    public int? ChunkSize { get; set; }

    /// <summary>Milliseconds to wait before answering, to simulate a stalled model. Ends when the client disconnects.</summary>
    public int DelayMs { get; set; }

    /// <summary>Milliseconds to wait between streamed chunks.</summary>
    public int ChunkDelayMs { get; set; }

    /// <summary>Answer with this HTTP status (400-599) and an OpenAI error body instead of a completion. 500 when only <see cref="Error"/> is set.</summary>
    public int? Status { get; set; }

    /// <summary>The message of the simulated error.</summary>
    public string? Error { get; set; }
}
