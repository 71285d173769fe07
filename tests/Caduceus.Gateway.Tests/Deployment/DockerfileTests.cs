namespace Caduceus.Gateway.Tests.Deployment;

/// <summary>The Dockerfile: built from the sources in the repository, run on a chiselled image as a non-root user.</summary>
public sealed class DockerfileTests
{
    private static readonly string[] Instructions = File.ReadAllLines(DeployFiles.PathOf("Dockerfile"))
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .ToArray();

    private static string[] RuntimeStage => Instructions.SkipWhile(l => !l.Contains("AS runtime", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Runs_on_a_chiselled_aspnet_image_as_a_non_root_user()
    {
        var from = RuntimeStage[0];
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0-", from, StringComparison.Ordinal);
        Assert.Contains("chiseled", from, StringComparison.Ordinal);
        var user = Assert.Single(RuntimeStage, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"^USER (0|root)\b", user);
        Assert.Contains(RuntimeStage, l => l.StartsWith("ENTRYPOINT [", StringComparison.Ordinal));
        Assert.DoesNotContain(RuntimeStage, l => l.StartsWith("RUN ", StringComparison.Ordinal));
    }

    [Fact]
    public void Copies_only_what_exists_and_publishes_the_cli()
    {
        foreach (var copy in Instructions.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal)))
        {
            var sources = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1];
            Assert.All(sources, source => Assert.True(File.Exists(DeployFiles.PathOf(source)) || Directory.Exists(DeployFiles.PathOf(source)), $"{source} is not in the repository"));
        }

        var publish = Assert.Single(Instructions, l => l.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains("src/Caduceus.Cli/Caduceus.Cli.csproj", publish, StringComparison.Ordinal);
        Assert.True(File.Exists(DeployFiles.PathOf("src", "Caduceus.Cli", "Caduceus.Cli.csproj")));
    }

    [Fact]
    public void Keeps_build_output_and_secrets_out_of_the_build_context()
    {
        var ignored = File.ReadAllLines(DeployFiles.PathOf(".dockerignore"));

        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains("deploy/", ignored);
        Assert.Contains("caduceus-data/", ignored);
    }
}
