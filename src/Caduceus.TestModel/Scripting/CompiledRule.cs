using System.Text.Json;
using System.Text.RegularExpressions;
using Caduceus.TestModel.Protocol;

namespace Caduceus.TestModel.Scripting;

/// <summary>A validated, immutable <see cref="TestModelRule"/>: its pattern compiled, its templates parsed.</summary>
internal sealed class CompiledRule
{
    /// <summary>How long one pattern may run against one text before the request fails.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay a script may ask for (ten minutes).</summary>
    public const int MaxDelayMs = 600_000;

    private readonly Regex? _pattern;
    private readonly TestModelMatchTarget _on;
    private readonly string? _model;
    private readonly ReplyTemplate? _reply;
    private readonly CompiledToolCall[] _toolCalls;
    private readonly int _chunkSize;
    private readonly TimeSpan _delay;
    private readonly TimeSpan _chunkDelay;
    private readonly OpenAiError? _error;

    private CompiledRule(int index, Regex? pattern, TestModelRule rule, ReplyTemplate? reply, CompiledToolCall[] toolCalls, OpenAiError? error)
    {
        Index = index;
        _pattern = pattern;
        _on = rule.On;
        _model = rule.Model;
        _reply = reply;
        _toolCalls = toolCalls;
        _chunkSize = rule.ChunkSize ?? TestModelRule.DefaultChunkSize;
        _delay = TimeSpan.FromMilliseconds(rule.DelayMs);
        _chunkDelay = TimeSpan.FromMilliseconds(rule.ChunkDelayMs);
        _error = error;
    }

    public int Index { get; }

    /// <summary>Validates <paramref name="rule"/>; <paramref name="fail"/> builds the exception for a problem description.</summary>
    public static CompiledRule Compile(TestModelRule? rule, int index, Func<string, Exception?, TestModelScriptException> fail)
    {
        var at = $"rules[{index}]";
        if (rule is null)
        {
            throw fail($"{at} is null; expected an object", null);
        }

        Regex? pattern = null;
        if (rule.Match is not null)
        {
            try
            {
                pattern = new Regex(rule.Match, RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (ArgumentException ex)
            {
                throw fail($"{at}.match is not a valid regular expression: {ex.Message}", ex);
            }
        }

        if (!Enum.IsDefined(rule.On))
        {
            throw fail($"{at}.on must be \"lastUser\" or \"anyMessage\"", null);
        }

        if (rule.Model is not null && string.IsNullOrWhiteSpace(rule.Model))
        {
            throw fail($"{at}.model is empty", null);
        }

        if (rule.ChunkSize is < 1)
        {
            throw fail($"{at}.chunkSize must be at least 1", null);
        }

        if (rule.DelayMs is < 0 or > MaxDelayMs || rule.ChunkDelayMs is < 0 or > MaxDelayMs)
        {
            throw fail($"{at}.delayMs and chunkDelayMs must be between 0 and {MaxDelayMs}", null);
        }

        var error = CompileError(rule, at, fail);
        var reply = rule.Reply is null ? null : CompileTemplate(rule.Reply, $"{at}.reply", fail);
        var toolCalls = rule.ToolCalls.Select((call, i) => CompileToolCall(call, $"{at}.toolCalls[{i}]", fail)).ToArray();
        return new CompiledRule(index, pattern, rule, reply, toolCalls, error);
    }

    /// <summary>True when the rule applies to <paramref name="request"/>.</summary>
    /// <exception cref="RegexMatchTimeoutException">The pattern ran longer than <see cref="MatchTimeout"/>.</exception>
    public bool Matches(ChatRequest request)
    {
        if (_model is not null && !string.Equals(_model, request.Model, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (_pattern is null)
        {
            return true;
        }

        return _on == TestModelMatchTarget.LastUser
            ? _pattern.IsMatch(request.LastUserText)
            : request.Messages.Any(m => _pattern.IsMatch(m.Text));
    }

    public ResponsePlan Plan(ChatRequest request)
    {
        var toolCalls = Array.ConvertAll(_toolCalls, call => call.Render(request));
        var content = _reply?.Render(request, jsonEscape: false)
            ?? (toolCalls.Length == 0 ? ResponsePlan.Echo(request).Content : null);
        return new ResponsePlan(Index, content, toolCalls, _chunkSize, _delay, _chunkDelay, _error);
    }

    private static OpenAiError? CompileError(TestModelRule rule, string at, Func<string, Exception?, TestModelScriptException> fail)
    {
        if (rule.Status is null && rule.Error is null)
        {
            return null;
        }

        if (rule.Status is < 400 or > 599)
        {
            throw fail($"{at}.status must be an HTTP error status between 400 and 599", null);
        }

        if (rule.Reply is not null || rule.ToolCalls.Count > 0)
        {
            throw fail($"{at} sets status/error together with reply/toolCalls; a rule answers with one or the other", null);
        }

        var status = rule.Status ?? 500;
        return OpenAiError.Scripted(status, rule.Error ?? $"Simulated failure (HTTP {status}).");
    }

    private static CompiledToolCall CompileToolCall(TestModelToolCall? call, string at, Func<string, Exception?, TestModelScriptException> fail)
    {
        if (call is null)
        {
            throw fail($"{at} is null; expected an object", null);
        }

        if (string.IsNullOrWhiteSpace(call.Name))
        {
            throw fail($"{at}.name is required", null);
        }

        var arguments = call.Arguments switch
        {
            null => "{}",
            var node when node.GetValueKind() == JsonValueKind.Object => node.ToJsonString(ProtocolJson.SerializerOptions),
            var node when node.GetValueKind() == JsonValueKind.String => node.GetValue<string>(),
            _ => throw fail($"{at}.arguments must be a JSON object or a string", null),
        };

        return new CompiledToolCall(call.Id, call.Name, CompileTemplate(arguments, $"{at}.arguments", fail));
    }

    private static ReplyTemplate CompileTemplate(string text, string at, Func<string, Exception?, TestModelScriptException> fail)
    {
        var template = ReplyTemplate.Parse(text, out var unknown);
        return unknown is null
            ? template
            : throw fail($"{at} uses unknown placeholder {{{{{unknown}}}}}; known: {string.Join(", ", ReplyTemplate.PlaceholderNames.Select(n => $"{{{{{n}}}}}"))}", null);
    }
}
