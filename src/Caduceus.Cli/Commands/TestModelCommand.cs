using System.CommandLine;
using Caduceus.TestModel;
using Caduceus.TestModel.Profiles;

namespace Caduceus.Cli.Commands;

/// <summary><c>caduceus test-model</c>: runs the OpenAI-compatible stand-in model.</summary>
internal static class TestModelCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Listen address(es).", DefaultValueFactory = _ => "http://127.0.0.1:8081" };
        var script = new Option<FileInfo?>("--script") { Description = "JSON rules: when the prompt matches, answer with this text, these tool calls, a delay or an error." };
        var profile = new Option<string?>("--profile") { Description = $"A built-in behaviour instead of a script: {string.Join(", ", TestModelProfiles.Names)}." };
        var command = new Command("test-model", "Run the OpenAI-compatible test model (the project's stand-in for a real LLM; it echoes by default).") { urls, script, profile };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(profile) is { } name && !TestModelProfiles.Names.Contains(name, StringComparer.Ordinal))
            {
                return CommandErrors.Fail($"--profile: unknown profile '{name}'; known: {string.Join(", ", TestModelProfiles.Names)}.");
            }

            var options = new TestModelOptions { Urls = parse.GetValue(urls)!, ScriptPath = parse.GetValue(script)?.FullName, Profile = parse.GetValue(profile) };
            try
            {
                await using var running = await TestModelServer.StartAsync(options, cancellationToken);
                Console.WriteLine($"Caduceus test model listening on {running.BaseAddress} (OpenAI base URL {running.ApiBaseAddress})");
                await running.WaitForShutdownAsync(cancellationToken);
                return ExitCodes.Success;
            }
            catch (TestModelScriptException exception)
            {
                return CommandErrors.Fail(exception.Message);
            }
            catch (IOException exception)
            {
                return CommandErrors.Fail("could not listen: " + exception.Message);
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or FormatException)
            {
                return CommandErrors.Fail("could not start: " + exception.Message);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Success;
            }
        });
        return command;
    }
}
