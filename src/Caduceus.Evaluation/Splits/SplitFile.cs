using Caduceus.Evaluation.Data;

namespace Caduceus.Evaluation.Splits;

/// <summary>
/// Split lists on disk: one document id a line, in file order; lines starting with '#' are comments (the header says
/// how the list was made). Named <c>NAME.dev.txt</c> and <c>NAME.test.txt</c> after the data file <c>NAME.jsonl</c>.
/// </summary>
public static class SplitFile
{
    /// <summary>Writes both lists into <paramref name="directory"/> and returns their paths (dev, test).</summary>
    public static (string DevPath, string TestPath) Write(DatasetSplit split, string dataFile, string directory, long seed, double devFraction)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentException.ThrowIfNullOrEmpty(dataFile);
        ArgumentException.ThrowIfNullOrEmpty(directory);

        Directory.CreateDirectory(directory);
        var name = Path.GetFileNameWithoutExtension(dataFile);
        var total = split.Dev.Count + split.Test.Count;
        var fraction = devFraction.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        var devPath = Path.Combine(directory, name + ".dev.txt");
        var testPath = Path.Combine(directory, name + ".test.txt");
        WriteList(devPath, split.Dev, $"# development part of {Path.GetFileName(dataFile)}: {split.Dev.Count} of {total} documents (seed {seed}, dev fraction {fraction}); tune on these only");
        WriteList(testPath, split.Test, $"# test part of {Path.GetFileName(dataFile)}: {split.Test.Count} of {total} documents (seed {seed}, dev fraction {fraction}); never tune on these");
        return (devPath, testPath);
    }

    /// <summary>The ids listed in a split file.</summary>
    /// <exception cref="DatasetFormatException">The file is missing or lists an id twice.</exception>
    public static IReadOnlyList<string> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new DatasetFormatException($"{path}: the file does not exist");
        }

        var ids = new List<string>();
        var lineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var id = line.Trim();
            if (id.Length == 0 || id[0] == '#')
            {
                continue;
            }

            if (!lineOfId.TryAdd(id, lineNumber))
            {
                throw new DatasetFormatException(Path.GetFileName(path), lineNumber, $"id '{id}' already appears on line {lineOfId[id]}");
            }

            ids.Add(id);
        }

        return ids;
    }

    /// <summary>Writes one list: the header line, then one id a line.</summary>
    internal static void WriteList(string path, IReadOnlyList<string> ids, string header)
    {
        foreach (var id in ids)
        {
            // The reader trims lines and skips '#' comments: an id it would not read back cannot be written.
            if (id.Length == 0 || id[0] == '#' || id.Trim().Length != id.Length || id.AsSpan().ContainsAny('\r', '\n'))
            {
                throw new DatasetFormatException($"{Path.GetFileName(path)}: an id is empty, starts with '#', has surrounding spaces or a line break; it cannot be listed");
            }
        }

        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(header);
        foreach (var id in ids)
        {
            writer.WriteLine(id);
        }
    }
}
