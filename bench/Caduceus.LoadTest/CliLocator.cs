using System.Diagnostics;

namespace Caduceus.LoadTest;

/// <summary>Finds (and by default builds) the <c>caduceus</c> CLI the servers run from.</summary>
internal static class CliLocator
{
    private const string SolutionFile = "Caduceus.slnx";

    public static async Task<string> ResolveAsync(LoadTestOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        if (options.CliPath is { } explicitPath)
        {
            return File.Exists(explicitPath) ? explicitPath : throw new ServerStartException($"--cli: {explicitPath} does not exist");
        }

        var root = FindRepositoryRoot()
            ?? throw new ServerStartException($"cannot find {SolutionFile} above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}; pass --cli PATH");
        var project = Path.Combine(root, "src", "Caduceus.Cli", "Caduceus.Cli.csproj");
        var dll = Path.Combine(root, "src", "Caduceus.Cli", "bin", "Release", "net10.0", "caduceus.dll");
        if (options.Build)
        {
            progress.WriteLine($"Building {project} (Release)...");
            await BuildAsync(project, cancellationToken);
        }

        return File.Exists(dll) ? dll : throw new ServerStartException($"{dll} does not exist; build src/Caduceus.Cli in Release or pass --cli PATH");
    }

    /// <summary>The bench gateway a <c>--compare</c> run starts (built in Release unless <c>--no-build</c> or <c>--cli</c>).</summary>
    public static async Task<string> ResolveBenchGatewayAsync(LoadTestOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var root = FindRepositoryRoot()
            ?? throw new ServerStartException($"cannot find {SolutionFile} above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}");
        var directory = Path.Combine(root, "bench", "Caduceus.BenchGateway");
        var dll = Path.Combine(directory, "bin", "Release", "net10.0", "caduceus-bench-gateway.dll");
        if (options.Build)
        {
            progress.WriteLine("Building bench/Caduceus.BenchGateway (Release)...");
            await BuildAsync(Path.Combine(directory, "Caduceus.BenchGateway.csproj"), cancellationToken);
        }

        return File.Exists(dll) ? dll : throw new ServerStartException($"{dll} does not exist; build bench/Caduceus.BenchGateway in Release");
    }

    public static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }

    public static async Task BuildAsync(string project, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "build", project, "-c", "Release", "--nologo", "-v", "quiet" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new ServerStartException("could not run 'dotnet build'");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            var lines = (await output + await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var firstError = lines.FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? lines.LastOrDefault() ?? "no output";
            throw new ServerStartException($"building {Path.GetFileName(project)} failed (exit {process.ExitCode}): {firstError}");
        }
    }
}
