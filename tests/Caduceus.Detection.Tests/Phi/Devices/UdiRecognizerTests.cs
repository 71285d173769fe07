using Caduceus.Detection.Phi.Devices;
using Caduceus.Detection.Tests.Phi.Identifiers;

namespace Caduceus.Detection.Tests.Phi.Devices;

[Collection(SequentialScans.Name)]
public sealed class UdiRecognizerTests
{
    private readonly UdiRecognizer _recognizer = new();

    [Theory]
    [InlineData("(01)10614141000415")]
    [InlineData("(01)10614141000415(17)250101(10)LOT42A(21)SN123456")]
    [InlineData("(01) 00643169007222 (17) 260331 (21) 7781234")]
    public void Finds_gs1_udi_with_its_production_identifiers(string udi)
    {
        var text = $"Implanted {udi}. Tolerated well.";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.DeviceId, finding.EntityType);
        Assert.Equal((10, udi.Length), (finding.Start, finding.Length));
        Assert.True(finding.Score >= 0.85, $"score {finding.Score}");
    }

    [Fact]
    public void Reports_bad_gtin_check_digit_only_with_context()
    {
        Assert.Empty(_recognizer.FindIn("see (01)00884838059385"));

        var finding = Assert.Single(_recognizer.FindIn("UDI: (01)00884838059385(21)A1"));
        Assert.Equal((5, 24), (finding.Start, finding.Length));
        Assert.Contains("GTIN check digit fails", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(01)1061414100041")]
    [InlineData("(02)10614141000415")]
    [InlineData("x(01)10614141000415")]
    public void Ignores_other_application_identifiers_and_short_gtins(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Fact]
    public void Scans_100_kb_adversarial_input_quickly()
    {
        Assert.Single(_recognizer.FindIn("(01)10614141000415" + string.Concat(Enumerable.Repeat("(21)", 25_000))));
        Assert.Empty(_recognizer.FindIn(string.Concat(Enumerable.Repeat("(01)123", 15_000))));
    }
}
