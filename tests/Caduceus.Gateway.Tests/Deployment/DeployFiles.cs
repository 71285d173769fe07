using YamlDotNet.RepresentationModel;

namespace Caduceus.Gateway.Tests.Deployment;

/// <summary>The repository's Dockerfile and <c>deploy/</c> files, parsed as the tools that use them would read them.</summary>
internal static class DeployFiles
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string PathOf(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    /// <summary>Every YAML document of a file (a Kubernetes manifest may hold several, separated by <c>---</c>).</summary>
    public static IReadOnlyList<YamlMappingNode> Documents(params string[] parts)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(PathOf(parts)))
        {
            stream.Load(reader);
        }

        return stream.Documents.Select(d => Assert.IsType<YamlMappingNode>(d.RootNode)).ToArray();
    }

    public static YamlMappingNode Map(this YamlNode node, string key) =>
        Assert.IsType<YamlMappingNode>(((YamlMappingNode)node).Children[new YamlScalarNode(key)]);

    public static YamlSequenceNode Seq(this YamlNode node, string key) =>
        Assert.IsType<YamlSequenceNode>(((YamlMappingNode)node).Children[new YamlScalarNode(key)]);

    public static string Text(this YamlNode node, string key) =>
        Assert.IsType<YamlScalarNode>(((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Value!;

    public static bool Has(this YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));

    public static IEnumerable<string> Keys(this YamlMappingNode node) => node.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    public static IEnumerable<string> Strings(this YamlSequenceNode node) => node.Children.Select(c => ((YamlScalarNode)c).Value!);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Caduceus.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests do not run inside the repository: Caduceus.slnx was not found above " + AppContext.BaseDirectory);
    }
}
