using Caduceus.Evaluation.Data;
using Caduceus.Evaluation.Splits;

namespace Caduceus.Evaluation.Injection;

/// <summary>Reads injection data files and keeps the part the split lists name (see <see cref="SplitSelection"/>).</summary>
public static class InjectionDataSelection
{
    /// <exception cref="DatasetFormatException">A file is malformed, or a list names ids no file has.</exception>
    /// <exception cref="IOException">A file could not be read.</exception>
    public static List<InjectionDocument> Load(IReadOnlyList<string> dataFiles, IReadOnlyList<string> splitFiles)
    {
        ArgumentNullException.ThrowIfNull(dataFiles);
        ArgumentNullException.ThrowIfNull(splitFiles);
        List<InjectionDocument> documents = [.. dataFiles.SelectMany(InjectionDatasetReader.ReadFile)];
        return SplitSelection.Restrict(documents, d => d.Id, d => d.File, splitFiles);
    }
}
