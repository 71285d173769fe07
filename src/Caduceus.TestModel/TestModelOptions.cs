using Microsoft.Extensions.Logging;

namespace Caduceus.TestModel;

/// <summary>
/// Options for the stand-in model server started by <see cref="TestModelServer.StartAsync"/>.
/// Set at most one of <see cref="ScriptPath"/>, <see cref="Script"/> and <see cref="Profile"/>; with none, every request gets the echo reply.
/// </summary>
public sealed class TestModelOptions
{
    /// <summary>The default listen address, loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8081";

    /// <summary>Kestrel listen address(es), separated by ';'. Port 0 asks the OS for a free port.</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>Path of a JSON script file to load (see the project README for its format).</summary>
    public string? ScriptPath { get; set; }

    /// <summary>A script built in code; validated the same way as a file.</summary>
    public TestModelScript? Script { get; set; }

    /// <summary>A built-in behaviour by name (see <see cref="Profiles.TestModelProfiles"/>), e.g. <c>vulnerable-clinic</c>.</summary>
    public string? Profile { get; set; }

    /// <summary>
    /// The lowest level written to the console log. Warning by default so the host's output stays clean.
    /// Request and response bodies are never logged at any level, since they may hold PHI.
    /// </summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;
}
