namespace Caduceus.TestModel.Tests;

/// <summary>A script file in the temp directory, deleted on dispose.</summary>
internal sealed class TempScriptFile : IDisposable
{
    public TempScriptFile(string json)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"caduceus-script-{Guid.NewGuid():N}.json");
        File.WriteAllText(Path, json);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
