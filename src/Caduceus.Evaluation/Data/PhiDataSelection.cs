using Caduceus.Evaluation.Splits;

namespace Caduceus.Evaluation.Data;

/// <summary>Reads labelled PHI data files and keeps the part the split lists name (see <see cref="SplitSelection"/>).</summary>
public static class PhiDataSelection
{
    /// <exception cref="DatasetFormatException">A file is malformed, ids repeat across files, or a list names ids no file has.</exception>
    /// <exception cref="IOException">A file could not be read.</exception>
    public static List<PhiDocument> Load(IReadOnlyList<string> dataFiles, IReadOnlyList<string> splitFiles)
    {
        ArgumentNullException.ThrowIfNull(dataFiles);
        ArgumentNullException.ThrowIfNull(splitFiles);
        List<PhiDocument> documents = [.. dataFiles.SelectMany(PhiDatasetReader.ReadFile)];
        return SplitSelection.Restrict(documents, d => d.Id, d => d.File, splitFiles);
    }
}
