using System.Text;
using Caduceus.Evaluation.Corpus;

namespace Caduceus.Benchmarks;

/// <summary>
/// The synthetic clinical notes the PHI throughput benchmarks scan, generated (never read from the evaluation splits):
/// the same seed and count give the same notes in the benchmark process and in the host that prints the MB/s column.
/// </summary>
internal static class PhiBenchCorpus
{
    public const int NoteCount = 300;

    public const long Seed = 20261129;

    private static readonly Lazy<string[]> LazyNotes = new(
        () => [.. ClinicalCorpusGenerator.Generate(NoteCount, Seed).Select(d => d.Document.Text)]);

    public static IReadOnlyList<string> Notes => LazyNotes.Value;

    /// <summary>UTF-8 size of all notes: the bytes one benchmark operation processes.</summary>
    public static long TotalBytes => Notes.Sum(n => (long)Encoding.UTF8.GetByteCount(n));
}
