using Caduceus.Detection.Injection.Embeddings;

namespace Caduceus.Detection.Tests.Injection.Embeddings;

public sealed class EmbeddingClassifierModelTests
{
    private static float[] Axis(int index, float sign = 1)
    {
        var vector = new float[SentenceEncoder.Dimension];
        vector[index] = sign;
        return vector;
    }

    [Fact]
    public void Training_is_deterministic_and_separates_the_classes_round_trip_included()
    {
        var segments = new List<TrainingSegment>();
        var vectors = new List<float[][]>();
        for (var i = 0; i < 30; i++)
        {
            segments.Add(new TrainingSegment($"attack {i}", i, true));
            vectors.Add([Axis(0)]);
            segments.Add(new TrainingSegment($"benign {i}", 100 + i, false));
            vectors.Add([Axis(0, -1)]);
        }

        var options = new EmbeddingTrainingOptions { Epochs = 50 };
        var first = EmbeddingClassifierTrainer.Train(segments, vectors, 0, options);
        var second = EmbeddingClassifierTrainer.Train(segments, vectors, 0, options);
        using var stream = new MemoryStream();
        first.Write(stream);
        stream.Position = 0;
        var read = EmbeddingClassifierModel.Read(stream);

        Assert.True(first.Score([Axis(0)]) > 0.9, $"attack scored {first.Score([Axis(0)])}");
        Assert.True(first.Score([Axis(0, -1), Axis(1)]) < 0.6, $"benign scored {first.Score([Axis(0, -1), Axis(1)])}");
        Assert.True(first.Score([Axis(0, -1), Axis(0)]) > 0.9, "one attack chunk is enough");
        Assert.Equal(first.Score([Axis(0)]), second.Score([Axis(0)]));
        Assert.Equal(first.Score([Axis(0)]), read.Score([Axis(0)]), 6);
        Assert.Equal(0, read.SegmentLength);
    }

    [Fact]
    public void A_file_that_is_not_a_model_gives_a_clear_error()
    {
        using var stream = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);

        var error = Assert.Throws<InvalidDataException>(() => EmbeddingClassifierModel.Read(stream));

        Assert.Contains("Not an embedding injection classifier model", error.Message, StringComparison.Ordinal);
    }
}
