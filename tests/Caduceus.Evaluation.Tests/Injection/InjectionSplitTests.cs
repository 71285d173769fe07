using Caduceus.Evaluation.Data;
using Caduceus.Evaluation.Injection;

namespace Caduceus.Evaluation.Tests.Injection;

public sealed class InjectionSplitTests
{
    private static List<InjectionDocument> Docs(int benign, int attacks) =>
    [
        .. Enumerable.Range(1, benign).Select(i => new InjectionDocument($"f#{i}", "f", i, "t", "benign")),
        .. Enumerable.Range(benign + 1, attacks).Select(i => new InjectionDocument($"f#{i}", "f", i, "t", "jailbreak")),
    ];

    [Fact]
    public void Parts_are_disjoint_cover_everything_and_keep_the_label_mix()
    {
        var docs = Docs(50, 100);

        var split = InjectionSplit.Create(docs, 20261128, 0.6, 0.2);

        Assert.Equal(150, split.Train.Count + split.Dev.Count + split.Test.Count);
        Assert.Equal(150, split.Train.Concat(split.Dev).Concat(split.Test).Distinct().Count());
        Assert.Equal(30, split.Train.Count(id => int.Parse(id[2..], System.Globalization.CultureInfo.InvariantCulture) <= 50));
        Assert.Equal(60, split.Train.Count(id => int.Parse(id[2..], System.Globalization.CultureInfo.InvariantCulture) > 50));
        Assert.Equal(10, split.Dev.Count(id => int.Parse(id[2..], System.Globalization.CultureInfo.InvariantCulture) <= 50));
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        var docs = Docs(40, 40);

        Assert.Equal(InjectionSplit.Create(docs, 7, 0.6, 0.2), InjectionSplit.Create(docs, 7, 0.6, 0.2), new SplitComparer());
        Assert.NotEqual(InjectionSplit.Create(docs, 7, 0.6, 0.2).Test, InjectionSplit.Create(docs, 8, 0.6, 0.2).Test);
    }

    [Fact]
    public void The_reader_names_the_file_and_line_of_a_bad_label_without_quoting_the_text()
    {
        using var file = TempFile.WithLines("inj.jsonl", """{"text": "hello", "label": "benign"}""", """{"text": "secret words", "label": "attack"}""");

        var error = Assert.Throws<DatasetFormatException>(() => InjectionDatasetReader.ReadFile(file.Path));

        Assert.Contains("inj.jsonl line 2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    private sealed class SplitComparer : IEqualityComparer<InjectionSplit>
    {
        public bool Equals(InjectionSplit? x, InjectionSplit? y) =>
            x!.Train.SequenceEqual(y!.Train) && x.Dev.SequenceEqual(y.Dev) && x.Test.SequenceEqual(y.Test);

        public int GetHashCode(InjectionSplit obj) => obj.Train.Count;
    }
}
