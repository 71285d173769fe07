using Caduceus.Detection.Phi.Vehicles;
using Caduceus.Detection.Tests.Phi.Identifiers;

namespace Caduceus.Detection.Tests.Phi.Vehicles;

[Collection(SequentialScans.Name)]
public sealed class VinRecognizerTests
{
    private readonly VinRecognizer _recognizer = new();

    [Theory]
    [InlineData("1HGCM82633A004352")]
    [InlineData("1M8GDM9AXKP042788")]
    [InlineData("JH4KA7561PC008269")]
    [InlineData("1hgcm82633a004352")]
    public void Finds_vins_with_valid_check_digit_without_context(string vin)
    {
        var text = $"Parked {vin} in lot B.";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.Vehicle, finding.EntityType);
        Assert.Equal((7, 17), (finding.Start, finding.Length));
        Assert.Equal(0.65, finding.Score);
        Assert.Equal("VIN pattern of 17 characters, valid ISO 3779 check digit", finding.Explanation);
    }

    [Fact]
    public void Reports_vin_without_valid_check_digit_only_with_context()
    {
        Assert.Empty(_recognizer.FindIn("Parked WVWZZZ1JZXW000001 in lot B."));

        var finding = Assert.Single(_recognizer.FindIn("VIN: WVWZZZ1JZXW000001"));
        Assert.Equal((5, 17), (finding.Start, finding.Length));
        Assert.Equal(0.85, finding.Score);
    }

    [Theory]
    [InlineData("VIN: 1HGCM82633A00435")]
    [InlineData("VIN: 1HGCM82633A0043521")]
    [InlineData("VIN: 1HGCM82633A00435I")]
    [InlineData("VIN: 12345678901234567")]
    [InlineData("VIN: ABCDEFGHJKLMNPRST")]
    [InlineData("x-1HGCM82633A004352")]
    public void Ignores_wrong_length_forbidden_letters_and_unmixed_tokens(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Fact]
    public void Scans_100_kb_adversarial_input_quickly()
    {
        Assert.Empty(_recognizer.FindIn(string.Concat(Enumerable.Repeat("1HGCM8263", 11_000))));
        Assert.Empty(_recognizer.FindIn(string.Concat(Enumerable.Repeat("1HGCM82633A00435 ", 6_000))));
    }
}
