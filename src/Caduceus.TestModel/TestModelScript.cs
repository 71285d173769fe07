using System.Text.Json;
using Caduceus.TestModel.Scripting;

namespace Caduceus.TestModel;

/// <summary>
/// A script that makes the stand-in model behave in a chosen way: obey an injection, leak its system prompt,
/// return PHI, call tools, stall or fail. Load one from JSON with <see cref="Load"/> or build one in code.
/// The JSON format is described in the project README.
/// </summary>
public sealed class TestModelScript
{
    /// <summary>Extra model names listed by <c>GET /v1/models</c>, besides <c>caduceus-test-model</c>.</summary>
    public IList<string> Models { get; } = [];

    /// <summary>Rules tried in order; the first match decides the answer. No match gives the echo reply.</summary>
    public IList<TestModelRule> Rules { get; } = [];

    /// <summary>Reads and validates a script file.</summary>
    /// <exception cref="TestModelScriptException">The file is missing, unreadable, not valid JSON, has unknown properties or invalid rules.</exception>
    public static TestModelScript Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var problem = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot be read: {ex.Message}";
            throw TestModelScriptException.Create(path, problem, ex);
        }

        var script = Parse(json, path);
        _ = CompiledScript.Compile(script, path);
        return script;
    }

    internal static TestModelScript Parse(string json, string scriptName)
    {
        try
        {
            return JsonSerializer.Deserialize(json, TestModelScriptJsonContext.Default.TestModelScript)
                ?? throw TestModelScriptException.Create(scriptName, "the script is JSON null; expected an object");
        }
        catch (JsonException ex)
        {
            throw TestModelScriptException.Create(scriptName, ScriptJsonErrors.Describe(ex), ex);
        }
        catch (InvalidOperationException ex)
        {
            throw TestModelScriptException.Create(scriptName, ScriptJsonErrors.Describe(ex), ex);
        }
    }
}
