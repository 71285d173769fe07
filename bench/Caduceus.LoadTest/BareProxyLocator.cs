namespace Caduceus.LoadTest;

/// <summary>Finds (and unless <c>--no-build</c>, builds) the bare pass-through proxy of <c>--baseline bare-proxy</c>.</summary>
internal static class BareProxyLocator
{
    public static async Task<string> ResolveAsync(LoadTestOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var root = CliLocator.FindRepositoryRoot()
            ?? throw new ServerStartException("cannot find the repository root for bench/Caduceus.BenchBareProxy");
        var directory = Path.Combine(root, "bench", "Caduceus.BenchBareProxy");
        var dll = Path.Combine(directory, "bin", "Release", "net10.0", "caduceus-bench-bare-proxy.dll");
        if (options.Build)
        {
            progress.WriteLine("Building bench/Caduceus.BenchBareProxy (Release)...");
            await CliLocator.BuildAsync(Path.Combine(directory, "Caduceus.BenchBareProxy.csproj"), cancellationToken);
        }

        return File.Exists(dll) ? dll : throw new ServerStartException($"{dll} does not exist; build bench/Caduceus.BenchBareProxy in Release");
    }
}
