namespace Caduceus.Gateway.Tools;

/// <summary>
/// One tool an application lets its model call (<c>Applications:NAME:Tools:TOOL</c>), with a rule for every argument
/// it may take. A tool that is not listed, or an argument without a rule, is refused (OWASP LLM06, excessive agency).
/// </summary>
public sealed class ToolPolicyOptions
{
    public Dictionary<string, ArgumentRule> Arguments { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>What an argument's value may be. A value passes when it meets any rule given; at least one must be given.</summary>
public sealed class ArgumentRule
{
    /// <summary>Any value.</summary>
    public bool Any { get; set; }

    /// <summary>The id of the patient the caller was verified as (caller verification must be on).</summary>
    public bool CallerPatientId { get; set; }

    /// <summary>One of these values, compared exactly.</summary>
    public List<string> Values { get; set; } = [];

    /// <summary>A regular expression the whole value must match.</summary>
    public string? Pattern { get; set; }

    public bool IsEmpty => !Any && !CallerPatientId && Values.Count == 0 && Pattern is null;
}
