using System.Globalization;
using Caduceus.Evaluation.Splits;

namespace Caduceus.Evaluation.Injection;

/// <summary>Writes an <see cref="InjectionSplit"/> as <c>NAME.train.txt</c>, <c>NAME.dev.txt</c> and <c>NAME.test.txt</c> (read back with <see cref="SplitFile.Read"/>).</summary>
public static class InjectionSplitFile
{
    public static IReadOnlyList<string> Write(InjectionSplit split, string dataFile, string directory, long seed)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentException.ThrowIfNullOrEmpty(dataFile);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var name = Path.GetFileNameWithoutExtension(dataFile);
        var total = split.Train.Count + split.Dev.Count + split.Test.Count;
        var paths = new List<string>();
        foreach (var (part, ids, use) in new[]
        {
            ("train", split.Train, "train on these"),
            ("dev", split.Dev, "tune thresholds on these"),
            ("test", split.Test, "never train or tune on these"),
        })
        {
            var path = Path.Combine(directory, $"{name}.{part}.txt");
            SplitFile.WriteList(path, ids, string.Create(CultureInfo.InvariantCulture, $"# {part} part of {Path.GetFileName(dataFile)}: {ids.Count} of {total} documents (seed {seed}, stratified by label); {use}"));
            paths.Add(path);
        }

        return paths;
    }
}
