using Caduceus.Detection;
using Caduceus.Evaluation.Data;
using Caduceus.Evaluation.Splits;

namespace Caduceus.Evaluation.Tests.Splits;

public sealed class DatasetSplitTests
{
    private static List<PhiDocument> Documents(int count, Func<int, GoldSpan[]>? spans = null) =>
        [.. Enumerable.Range(0, count).Select(i => new PhiDocument($"doc-{i}", "f", i + 1, "text", spans?.Invoke(i) ?? []))];

    [Fact]
    public void The_same_seed_gives_the_same_split()
    {
        var documents = Documents(300, i => i % 3 == 0 ? [new GoldSpan(0, 4, EntityTypes.Name)] : []);

        var first = DatasetSplit.Create(documents, 20261128, 0.5);
        var second = DatasetSplit.Create(documents, 20261128, 0.5);

        Assert.Equal(first.Dev, second.Dev);
        Assert.Equal(first.Test, second.Test);
    }

    [Fact]
    public void Another_seed_gives_another_split()
    {
        var documents = Documents(300);

        Assert.NotEqual(DatasetSplit.Create(documents, 1, 0.5).Dev, DatasetSplit.Create(documents, 2, 0.5).Dev);
    }

    [Fact]
    public void Parts_are_disjoint_cover_every_document_and_keep_file_order()
    {
        var documents = Documents(101);

        var split = DatasetSplit.Create(documents, 5, 0.5);

        Assert.Empty(split.Dev.Intersect(split.Test));
        Assert.Equal(documents.Select(d => d.Id).Order(), split.Dev.Concat(split.Test).Order());
        Assert.Equal(split.Dev.OrderBy(id => int.Parse(id[4..], System.Globalization.CultureInfo.InvariantCulture)), split.Dev);
        Assert.InRange(split.Dev.Count, 50, 51);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.2, 40)]
    [InlineData(1.0, 200)]
    public void The_development_part_has_the_requested_fraction(double fraction, int devCount)
    {
        var documents = Documents(200, i => i % 7 == 0 ? [new GoldSpan(0, 4, EntityTypes.Ssn)] : [new GoldSpan(0, 4, EntityTypes.Name)]);

        var split = DatasetSplit.Create(documents, 9, fraction);

        Assert.Equal(devCount, split.Dev.Count);
        Assert.Equal(200 - devCount, split.Test.Count);
    }

    [Fact]
    public void A_rare_type_lands_in_both_parts()
    {
        // Four of 400 documents carry the only LICENSE spans; stratification puts two in each part.
        var documents = Documents(400, i => i % 100 == 0
            ? [new GoldSpan(0, 2, EntityTypes.Name), new GoldSpan(2, 4, EntityTypes.License)]
            : [new GoldSpan(0, 4, EntityTypes.Name)]);
        var licensed = documents.Where(d => d.Spans.Any(s => s.Type == EntityTypes.License)).Select(d => d.Id).ToHashSet();

        for (var seed = 1; seed <= 20; seed++)
        {
            var split = DatasetSplit.Create(documents, seed, 0.5);
            Assert.Equal(2, split.Dev.Count(licensed.Contains));
        }
    }

    [Fact]
    public void Reordering_the_file_does_not_change_which_ids_go_where()
    {
        var documents = Documents(150, i => i % 4 == 0 ? [new GoldSpan(0, 4, EntityTypes.Date)] : []);
        var reversed = Enumerable.Reverse(documents).ToList();

        Assert.Equal(DatasetSplit.Create(documents, 3, 0.5).Dev.Order(), DatasetSplit.Create(reversed, 3, 0.5).Dev.Order());
    }
}
