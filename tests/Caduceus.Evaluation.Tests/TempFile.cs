namespace Caduceus.Evaluation.Tests;

/// <summary>A file in a fresh temporary directory, deleted with the directory on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    private readonly DirectoryInfo _directory;

    private TempFile(string name, string content)
    {
        _directory = Directory.CreateTempSubdirectory("caduceus-eval-");
        Path = System.IO.Path.Combine(_directory.FullName, name);
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public string DirectoryPath => _directory.FullName;

    public static TempFile WithLines(string name, params string[] lines) => new(name, string.Join("\n", lines) + "\n");

    public void Dispose() => _directory.Delete(recursive: true);
}
