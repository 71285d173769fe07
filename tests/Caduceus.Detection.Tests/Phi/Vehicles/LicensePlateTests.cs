using Caduceus.Detection.Phi.Identifiers;
using Caduceus.Detection.Tests.Phi.Identifiers;

namespace Caduceus.Detection.Tests.Phi.Vehicles;

[Collection(SequentialScans.Name)]
public sealed class LicensePlateTests
{
    private readonly LabelledIdentifierRecognizer _recognizer = new();

    [Theory]
    [InlineData("Drives a 2021 Subaru Outback, plate QNC 3657.", "QNC 3657")]
    [InlineData("Drives a 2019 Ford F-150, plate 519 SYF.\nVitals: BP 120/80", "519 SYF")]
    [InlineData("(VIN 4RH1THVV6AKZECV4B, plate 655 AHD) in a collision", "655 AHD")]
    [InlineData("license plate 7AB 123", "7AB 123")]
    [InlineData("Plate: 519 SYF", "519 SYF")]
    [InlineData("tag 636 RTN", "636 RTN")]
    [InlineData("registration KZM 7466", "KZM 7466")]
    [InlineData("registration plate AB 1234", "AB 1234")]
    [InlineData("plate QNC 3657", "QNC 3657")]
    public void Finds_a_plate_written_in_two_groups_after_a_plate_label(string text, string expected)
    {
        var finding = Assert.Single(_recognizer.FindIn(text), f => f.Start == text.IndexOf(expected, StringComparison.Ordinal));

        Assert.Equal(EntityTypes.Vehicle, finding.EntityType);
        Assert.Equal(expected, finding.Covered(text));
        Assert.True(finding.Score >= 0.5, $"score {finding.Score}");
    }

    [Fact]
    public void A_two_group_plate_after_a_bare_label_scores_as_a_weak_label_without_marker()
    {
        const string text = "plate QNC 3657";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(0.7, finding.Score);
        Assert.Equal("identifier value after the label 'plate', shaped like an identifier", finding.Explanation);
        Assert.DoesNotContain("QNC", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tag 500 MG")]
    [InlineData("tag 1030 PM")]
    [InlineData("tag 123 and")]
    [InlineData("plate 519 syf")]
    [InlineData("plate QNC DFG")]
    [InlineData("plate 1 ABC")]
    [InlineData("plate AB 12")]
    [InlineData("plate and screw fixation 12 mm")]
    [InlineData("registration desk at 10 AM")]
    public void Ignores_doses_times_words_and_groups_that_are_not_a_plate(string text)
    {
        Assert.DoesNotContain(_recognizer.FindIn(text), f => f.EntityType == EntityTypes.Vehicle);
    }

    [Theory]
    [InlineData("plate QNC 3657-22", "QNC")]
    [InlineData("vehicle 2019 FORD", "FORD")]
    [InlineData("tag 12345 ABCDE", "ABCDE")]
    public void A_two_group_plate_is_read_only_after_a_plate_label_and_when_it_stands_alone(string text, string notCovered)
    {
        Assert.DoesNotContain(_recognizer.FindIn(text), f => f.Covered(text).Contains(notCovered, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("plate UHJ-6329", "UHJ-6329")]
    [InlineData("license plate 7ABC123", "7ABC123")]
    [InlineData("Plate: ABC 1234", "ABC 1234")]
    public void Plates_in_one_token_still_come_from_the_generic_reader(string text, string expected)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(expected, finding.Covered(text));
    }
}
