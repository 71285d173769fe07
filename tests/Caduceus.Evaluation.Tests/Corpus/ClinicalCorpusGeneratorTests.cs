using System.Text;
using Caduceus.Detection;
using Caduceus.Evaluation.Corpus;
using Caduceus.Evaluation.Data;

namespace Caduceus.Evaluation.Tests.Corpus;

public sealed class ClinicalCorpusGeneratorTests
{
    // Generated once for the class: the spec's reference corpus (seed 1, 2,000 documents, development vocabulary).
    private static readonly Lazy<List<SyntheticDocument>> DevCorpus = new(() => [.. ClinicalCorpusGenerator.Generate(2000, 1, CorpusVocabulary.Dev)]);

    [Fact]
    public void Every_safe_harbor_type_occurs_at_seed_1_with_2000_documents()
    {
        var types = DevCorpus.Value.SelectMany(d => d.Document.Spans).Select(s => s.Type).ToHashSet();

        Assert.Equal(EntityTypes.Phi.Order(), types.Order());
    }

    [Fact]
    public void Every_type_has_enough_examples_to_measure()
    {
        var counts = DevCorpus.Value.SelectMany(d => d.Document.Spans).CountBy(s => s.Type).ToDictionary();

        foreach (var type in EntityTypes.Phi)
        {
            Assert.True(counts[type] >= 50, $"{type}: {counts[type]} spans");
        }
    }

    [Fact]
    public void Every_kind_of_document_occurs()
    {
        var kinds = DevCorpus.Value.Select(d => d.Kind).ToHashSet();

        Assert.Equal(
            ["discharge_summary", "fax_cover_sheet", "history_and_physical", "phone_transcript", "portal_message", "referral_letter"],
            kinds.Order());
    }

    [Fact]
    public void Spans_are_in_range_non_empty_ordered_and_do_not_overlap()
    {
        foreach (var (document, _) in DevCorpus.Value)
        {
            var previousEnd = 0;
            foreach (var span in document.Spans)
            {
                Assert.True(span.Start >= previousEnd, $"{document.Id}: overlapping or unordered spans");
                Assert.True(span.End > span.Start, $"{document.Id}: empty span");
                Assert.True(span.End <= document.Text.Length, $"{document.Id}: span out of range");
                Assert.False(string.IsNullOrWhiteSpace(document.Text[span.Start..span.End]), $"{document.Id}: blank span");
                previousEnd = span.End;
            }
        }
    }

    [Fact]
    public void Spans_start_and_end_on_token_boundaries()
    {
        // A span that cut a word in two would label half a token; the metrics would then count the whole token.
        foreach (var (document, _) in DevCorpus.Value)
        {
            var text = document.Text;
            foreach (var span in document.Spans)
            {
                Assert.False(span.Start > 0 && char.IsLetterOrDigit(text[span.Start - 1]) && char.IsLetterOrDigit(text[span.Start]), $"{document.Id}: span starts inside a word");
                Assert.False(span.End < text.Length && char.IsLetterOrDigit(text[span.End - 1]) && char.IsLetterOrDigit(text[span.End]), $"{document.Id}: span ends inside a word");
                Assert.Equal(text[span.Start..span.End].Trim(), text[span.Start..span.End]);
            }
        }
    }

    [Fact]
    public void Written_lines_read_back_with_identical_text_and_spans()
    {
        foreach (var (document, kind) in DevCorpus.Value.Take(300))
        {
            using var buffer = new MemoryStream();
            PhiDatasetWriter.WriteLine(buffer, document, kind);
            var read = PhiDatasetReader.Parse(Encoding.UTF8.GetString(buffer.ToArray()).TrimEnd('\n'), "corpus.jsonl", 1);

            Assert.Equal(document.Text, read.Text);
            Assert.Equal(document.Spans, read.Spans);
            Assert.Equal(document.Id, read.Id);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_corpus_and_another_seed_another()
    {
        var first = ClinicalCorpusGenerator.Generate(50, 1, CorpusVocabulary.Dev).Select(d => d.Document.Text).ToList();
        var again = ClinicalCorpusGenerator.Generate(50, 1, CorpusVocabulary.Dev).Select(d => d.Document.Text).ToList();
        var other = ClinicalCorpusGenerator.Generate(50, 2, CorpusVocabulary.Dev).Select(d => d.Document.Text).ToList();

        Assert.Equal(first, again);
        Assert.Equal(DevCorpus.Value.Take(50).Select(d => d.Document.Text), first);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Ids_are_unique_and_name_seed_and_vocabulary()
    {
        var ids = DevCorpus.Value.Select(d => d.Document.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal("caduceus-synthetic:dev-seed1#0", ids[0]);
    }

    [Fact]
    public void Development_and_test_vocabularies_share_no_name()
    {
        static HashSet<string> Names(CorpusVocabulary vocabulary) =>
        [
            .. ClinicalCorpusGenerator.Generate(1500, 11, vocabulary)
                .SelectMany(d => d.Document.Spans.Where(s => s.Type == EntityTypes.Name).Select(s => d.Document.Text[s.Start..s.End]))
                .SelectMany(n => n.Split([' ', ',', '.', '-'], StringSplitOptions.RemoveEmptyEntries))
                .Where(n => n.Length > 2)
                .Select(n => n.ToUpperInvariant()),
        ];

        var dev = Names(CorpusVocabulary.Dev);
        var test = Names(CorpusVocabulary.Test);

        Assert.NotEmpty(dev);
        Assert.NotEmpty(test);
        Assert.Empty(dev.Intersect(test));
    }

    [Fact]
    public void Hard_negatives_appear_unlabelled()
    {
        var unlabelled = DevCorpus.Value.Select(d => Unlabelled(d.Document)).ToList();

        Assert.Contains(unlabelled, t => t.Contains("Parkinson", StringComparison.Ordinal));
        Assert.Contains(unlabelled, t => t.Contains("Bell's palsy", StringComparison.Ordinal));
        Assert.Contains(unlabelled, t => t.Contains("1/2 tab", StringComparison.Ordinal));
        Assert.Contains(unlabelled, t => t.Contains("BP 120/80", StringComparison.Ordinal));
        Assert.Contains(unlabelled, t => t.Contains("-year-old", StringComparison.Ordinal));
        Assert.Contains(unlabelled, t => t.Contains("Texas", StringComparison.Ordinal));
        Assert.Contains(unlabelled, t => t.Contains("Mexico", StringComparison.Ordinal));
    }

    [Fact]
    public void Ages_are_labelled_only_over_89()
    {
        var ages = DevCorpus.Value
            .SelectMany(d => d.Document.Spans.Where(s => s.Type == EntityTypes.Age).Select(s => d.Document.Text[s.Start..s.End]))
            .Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

        Assert.NotEmpty(ages);
        Assert.All(ages, a => Assert.InRange(a, 90, 120));
    }

    [Fact]
    public void Phone_transcripts_hold_spoken_numbers_and_spelled_names()
    {
        var transcripts = DevCorpus.Value.Where(d => d.Kind == "phone_transcript").Select(d => d.Document).ToList();
        var labelled = transcripts.SelectMany(d => d.Spans.Select(s => (s.Type, Value: d.Text[s.Start..s.End]))).ToList();

        Assert.Contains(labelled, l => l.Type == EntityTypes.Phone && l.Value.Contains("five", StringComparison.Ordinal));
        Assert.Contains(labelled, l => l.Type == EntityTypes.Name && System.Text.RegularExpressions.Regex.IsMatch(l.Value, "^[A-Z]([-, .]+[A-Z]){3,}$"));
        Assert.Contains(labelled, l => l.Type == EntityTypes.Date && l.Value.Contains("nineteen", StringComparison.Ordinal));
    }

    private static string Unlabelled(PhiDocument document)
    {
        var text = new StringBuilder(document.Text);
        foreach (var span in document.Spans)
        {
            for (var i = span.Start; i < span.End; i++)
            {
                text[i] = '\u0000';
            }
        }

        return text.ToString();
    }
}
