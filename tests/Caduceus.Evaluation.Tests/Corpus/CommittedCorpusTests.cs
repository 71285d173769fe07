using System.Security.Cryptography;
using Caduceus.Evaluation.Corpus;
using Caduceus.Evaluation.Data;

namespace Caduceus.Evaluation.Tests.Corpus;

/// <summary>The corpus files under eval/corpus are exactly what the documented commands generate.</summary>
public sealed class CommittedCorpusTests
{
    [Theory]
    [InlineData("phi-synthetic.dev.jsonl", 1, CorpusVocabulary.Dev)]
    [InlineData("phi-synthetic.test.jsonl", 2, CorpusVocabulary.Test)]
    public void Committed_corpus_matches_its_generator_command(string file, long seed, CorpusVocabulary vocabulary)
    {
        var path = Path.Combine(RepositoryRoot(), "eval", "corpus", file);
        using var generated = new MemoryStream();
        foreach (var document in ClinicalCorpusGenerator.Generate(2000, seed, vocabulary))
        {
            PhiDatasetWriter.WriteLine(generated, document.Document, document.Kind);
        }

        Assert.True(
            SHA256.HashData(generated.ToArray()).AsSpan().SequenceEqual(SHA256.HashData(File.ReadAllBytes(path))),
            $"eval/corpus/{file} differs from the generator's output: regenerate it with the command in docs/evaluation.md.");
    }

    private static string RepositoryRoot()
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
