using Caduceus.Evaluation.Splits;

namespace Caduceus.Evaluation.Data;

/// <summary>
/// Reads labelled data files and keeps the part the split lists name. A split list restricts the file(s) whose
/// documents it lists; a data file none of whose documents appears in any list is taken whole (so a development
/// split of one file can be combined with a file that is all development data).
/// </summary>
public static class PhiDataSelection
{
    /// <exception cref="DatasetFormatException">A file is malformed, ids repeat across files, or a list names ids no file has.</exception>
    /// <exception cref="IOException">A file could not be read.</exception>
    public static List<PhiDocument> Load(IReadOnlyList<string> dataFiles, IReadOnlyList<string> splitFiles)
    {
        ArgumentNullException.ThrowIfNull(dataFiles);
        ArgumentNullException.ThrowIfNull(splitFiles);
        List<PhiDocument> documents = [.. dataFiles.SelectMany(PhiDatasetReader.ReadFile)];
        return splitFiles.Count == 0 ? documents : Restrict(documents, splitFiles);
    }

    // Insists that every listed id exists: a split that does not match its data would silently select the wrong documents.
    private static List<PhiDocument> Restrict(List<PhiDocument> documents, IReadOnlyList<string> splitFiles)
    {
        var byId = new Dictionary<string, PhiDocument>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (!byId.TryAdd(document.Id, document))
            {
                throw new DatasetFormatException(document.File, document.LineNumber, $"source '{document.Id}' also appears in another data file; ids must be unique to use --split");
            }
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var splitFile in splitFiles)
        {
            var ids = SplitFile.Read(splitFile);
            var missing = ids.Where(id => !byId.ContainsKey(id)).ToList();
            if (missing.Count > 0)
            {
                throw new DatasetFormatException($"{splitFile}: {missing.Count} listed id(s) are not in the --data files (first: '{missing[0]}'); is this the split of another file?");
            }

            listed.UnionWith(ids);
        }

        var restrictedFiles = documents.Where(d => listed.Contains(d.Id)).Select(d => d.File).ToHashSet(StringComparer.Ordinal);
        return [.. documents.Where(d => listed.Contains(d.Id) || !restrictedFiles.Contains(d.File))];
    }
}
