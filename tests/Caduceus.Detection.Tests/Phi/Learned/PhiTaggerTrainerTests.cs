using Caduceus.Detection.Phi.Learned;

namespace Caduceus.Detection.Tests.Phi.Learned;

/// <summary>Training on a small generated language: what the tagger learns must carry over to texts it never saw.</summary>
[Collection(SequentialScans.Name)]
public sealed class PhiTaggerTrainerTests
{
    private static readonly string[] Cities = ["Qorvath", "Tsemblo", "Uxkarin", "Brellow", "Pindoza", "Varnak", "Soltrey", "Melquist", "Darvonne", "Ketterby"];
    private static readonly string[] Streets = ["Ashgrove", "Tolvane", "Krimmer", "Oslenka", "Bracken", "Fennick"];
    private static readonly string[] Fillers = ["the clinic called", "please send the results", "she asked about her refill", "the letter was returned"];

    // "… lives at 12 Ashgrove Lane, Qorvath …": the address is the number, the street and the made-up city.
    private static LabelledText Example(int i)
    {
        var filler = Fillers[i % Fillers.Length];
        var prefix = $"Note {i % 7}: {filler}; the patient lives at ";
        var address = $"{10 + (i * 7 % 80)} {Streets[i % Streets.Length]} Lane, {Cities[i % Cities.Length]}";
        var text = prefix + address + " since last spring.";
        return new LabelledText(text, [new LabelledSpan(prefix.Length, prefix.Length + address.Length, EntityTypes.Address)]);
    }

    private static PhiTaggerModel TrainSmall(ulong seed = 7) =>
        PhiTaggerTrainer.Train([.. Enumerable.Range(0, 120).Select(Example)], new PhiTaggerTrainingOptions { Epochs = 5, Seed = seed });

    [Fact]
    public void Learns_an_address_pattern_and_finds_it_with_unseen_words()
    {
        var tagger = new PhiTagger(TrainSmall());
        const string text = "Note 3: the patient lives at 91 Quellmoor Lane, Zantravik since last spring.";
        var findings = new List<Finding>();

        tagger.Detect(new DetectionInput(text, TextSource.User), findings);

        var finding = Assert.Single(findings);
        Assert.Equal(EntityTypes.Address, finding.EntityType);
        Assert.Equal("91 Quellmoor Lane, Zantravik", text[finding.Start..finding.End]);
        Assert.InRange(finding.Score, 0.5, 0.85);
        Assert.Equal(nameof(PhiTagger), finding.Detector);
        Assert.DoesNotContain("Quellmoor", finding.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_nothing_in_text_unlike_its_training_positives()
    {
        var tagger = new PhiTagger(TrainSmall());
        var findings = new List<Finding>();

        tagger.Detect(new DetectionInput("Blood pressure was stable and the wound is healing well.", TextSource.User), findings);

        Assert.Empty(findings);
    }

    [Fact]
    public void The_same_data_and_seed_give_byte_identical_models_and_another_seed_does_not()
    {
        static byte[] Bytes(PhiTaggerModel model)
        {
            using var stream = new MemoryStream();
            model.Write(stream);
            return stream.ToArray();
        }

        Assert.Equal(Bytes(TrainSmall(7)), Bytes(TrainSmall(7)));
        Assert.NotEqual(Bytes(TrainSmall(7)), Bytes(TrainSmall(8)));
    }

    [Fact]
    public void A_written_model_reads_back_with_the_same_labels_and_predictions()
    {
        var model = TrainSmall();
        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;

        var read = PhiTaggerModel.Read(stream);

        Assert.Equal(model.Labels, read.Labels);
        Assert.Equal(model.FeatureCount, read.FeatureCount);
        const string text = "Note 1: she asked about her refill; the patient lives at 44 Ostrel Lane, Quimby since last spring.";
        List<Finding> expected = [], actual = [];
        new PhiTagger(model).Detect(new DetectionInput(text, TextSource.User), expected);
        new PhiTagger(read).Detect(new DetectionInput(text, TextSource.User), actual);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(f => (f.Start, f.End, f.EntityType)), actual.Select(f => (f.Start, f.End, f.EntityType)));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 })]
    public void Reading_something_that_is_not_a_model_fails_with_a_clear_error(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);

        Assert.Throws<InvalidDataException>(() => PhiTaggerModel.Read(stream));
    }

    [Fact]
    public void Training_data_without_any_identifier_is_refused()
    {
        var texts = new[] { new LabelledText("nothing to see here", []) };

        Assert.Throws<ArgumentException>(() => PhiTaggerTrainer.Train(texts, new PhiTaggerTrainingOptions()));
    }

    [Fact]
    public void The_built_in_model_writes_back_to_the_bytes_it_was_read_from()
    {
        using var embedded = typeof(PhiTaggerModel).Assembly.GetManifestResourceStream("Caduceus.Detection.Phi.Learned.phi-tagger.bin")!;
        using var original = new MemoryStream();
        embedded.CopyTo(original);
        using var written = new MemoryStream();

        PhiTaggerModel.Default.Write(written);

        Assert.True(PhiTaggerModel.Default.FeatureCount > 1000);
        Assert.Equal(original.ToArray(), written.ToArray());
    }
}
