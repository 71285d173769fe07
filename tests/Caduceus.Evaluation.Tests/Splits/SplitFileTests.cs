using Caduceus.Evaluation.Data;
using Caduceus.Evaluation.Splits;

namespace Caduceus.Evaluation.Tests.Splits;

public sealed class SplitFileTests
{
    [Fact]
    public void Writes_both_lists_named_after_the_data_file_and_reads_them_back()
    {
        var directory = Directory.CreateTempSubdirectory("caduceus-split-");
        try
        {
            var split = new DatasetSplit(["a:1", "a:3"], ["a:2"]);

            var (dev, test) = SplitFile.Write(split, "/data/presidio_x.jsonl", directory.FullName, 20261128, 0.5);

            Assert.Equal(Path.Combine(directory.FullName, "presidio_x.dev.txt"), dev);
            Assert.Equal(Path.Combine(directory.FullName, "presidio_x.test.txt"), test);
            Assert.StartsWith("# development part of presidio_x.jsonl: 2 of 3 documents (seed 20261128, dev fraction 0.5)", File.ReadAllText(dev), StringComparison.Ordinal);
            Assert.Equal(["a:1", "a:3"], SplitFile.Read(dev));
            Assert.Equal(["a:2"], SplitFile.Read(test));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_repeated_id_is_an_error_with_its_line()
    {
        using var file = TempFile.WithLines("x.test.txt", "# header", "a", "b", "a");

        var exception = Assert.Throws<DatasetFormatException>(() => SplitFile.Read(file.Path));

        Assert.Equal("x.test.txt line 4: id 'a' already appears on line 2", exception.Message);
    }

    [Fact]
    public void An_id_the_reader_would_skip_cannot_be_written()
    {
        var directory = Directory.CreateTempSubdirectory("caduceus-split-");
        try
        {
            Assert.Throws<DatasetFormatException>(() => SplitFile.Write(new DatasetSplit(["#1"], []), "d.jsonl", directory.FullName, 1, 1));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
