using Caduceus.TestModel.Protocol;

namespace Caduceus.TestModel.Scripting;

/// <summary>
/// A validated, immutable snapshot of a <see cref="TestModelScript"/>, safe to share across requests;
/// later changes to the script object do not affect a running server.
/// </summary>
internal sealed class CompiledScript : IResponsePlanner
{
    /// <summary>The name a script built in code is reported under.</summary>
    public const string InCodeScriptName = "(in-code script)";

    private readonly CompiledRule[] _rules;

    private CompiledScript(IReadOnlyList<string> models, CompiledRule[] rules)
    {
        Models = models;
        _rules = rules;
    }

    /// <summary>A script with no rules: every request gets the echo reply.</summary>
    public static CompiledScript Empty { get; } = new([ChatRequest.DefaultModel], []);

    /// <summary>The model names to list: the default model first, then the script's, without duplicates.</summary>
    public IReadOnlyList<string> Models { get; }

    /// <exception cref="TestModelScriptException">The script is invalid; the message names <paramref name="scriptName"/>.</exception>
    public static CompiledScript Compile(TestModelScript script, string scriptName)
    {
        ArgumentNullException.ThrowIfNull(script);

        TestModelScriptException Fail(string problem, Exception? inner) => TestModelScriptException.Create(scriptName, problem, inner);

        for (var i = 0; i < script.Models.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(script.Models[i]))
            {
                throw Fail($"models[{i}] is empty", null);
            }
        }

        var models = script.Models.Prepend(ChatRequest.DefaultModel).Distinct(StringComparer.Ordinal).ToArray();
        var rules = script.Rules.Select((rule, i) => CompiledRule.Compile(rule, i, Fail)).ToArray();
        return new CompiledScript(models, rules);
    }

    /// <summary>Decides the answer: the first matching rule's, or the echo reply.</summary>
    /// <exception cref="System.Text.RegularExpressions.RegexMatchTimeoutException">A rule's pattern timed out.</exception>
    public ResponsePlan Plan(ChatRequest request)
    {
        foreach (var rule in _rules)
        {
            if (rule.Matches(request))
            {
                return rule.Plan(request);
            }
        }

        return ResponsePlan.Echo(request);
    }
}
