using Caduceus.Evaluation.Data;

namespace Caduceus.Evaluation.Splits;

/// <summary>
/// Keeps the documents that split lists name. A list restricts the file(s) whose documents it lists; a data file none
/// of whose documents appears in any list is taken whole (so a development split of one file can be combined with a
/// file that is all development data). Every listed id must exist: a split that does not match its data would
/// silently select the wrong documents.
/// </summary>
internal static class SplitSelection
{
    /// <exception cref="DatasetFormatException">Ids repeat across files, or a list names ids no file has.</exception>
    public static List<T> Restrict<T>(List<T> documents, Func<T, string> idOf, Func<T, string> fileOf, IReadOnlyList<string> splitFiles)
    {
        if (splitFiles.Count == 0)
        {
            return documents;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (!ids.Add(idOf(document)))
            {
                throw new DatasetFormatException($"{fileOf(document)}: id '{idOf(document)}' also appears in another data file; ids must be unique to use --split");
            }
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var splitFile in splitFiles)
        {
            var listedHere = SplitFile.Read(splitFile);
            var missing = listedHere.Where(id => !ids.Contains(id)).ToList();
            if (missing.Count > 0)
            {
                throw new DatasetFormatException($"{splitFile}: {missing.Count} listed id(s) are not in the --data files (first: '{missing[0]}'); is this the split of another file?");
            }

            listed.UnionWith(listedHere);
        }

        var restrictedFiles = documents.Where(d => listed.Contains(idOf(d))).Select(fileOf).ToHashSet(StringComparer.Ordinal);
        return [.. documents.Where(d => listed.Contains(idOf(d)) || !restrictedFiles.Contains(fileOf(d)))];
    }
}
