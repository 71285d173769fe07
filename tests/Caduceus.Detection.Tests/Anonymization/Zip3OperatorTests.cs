using Caduceus.Detection.Anonymization;

namespace Caduceus.Detection.Tests.Anonymization;

public sealed class Zip3OperatorTests
{
    private static readonly AnonymizationScope Scope = new("test");

    [Theory]
    [InlineData("02115", "021")]
    [InlineData("94110-1234", "941")]
    [InlineData("12 Elm St, Boston, MA 02115", "021")]
    [InlineData("12345 Main St, Springfield, IL 62704-1111", "627")]
    public void Keeps_the_first_three_digits_of_the_zip_code_and_nothing_else(string value, string expected)
    {
        Assert.Equal(expected, Zip3Operator.Instance.Operate(EntityTypes.Address, value, Scope));
    }

    [Theory]
    [InlineData("03601")]
    [InlineData("05901")]
    [InlineData("06390")]
    [InlineData("10201")]
    [InlineData("20301")]
    [InlineData("55601")]
    [InlineData("69201")]
    [InlineData("79001")]
    [InlineData("82101")]
    [InlineData("82301")]
    [InlineData("83001")]
    [InlineData("83101")]
    [InlineData("87801")]
    [InlineData("87901")]
    [InlineData("88401")]
    [InlineData("89001")]
    [InlineData("89301")]
    public void Reports_the_17_sparsely_populated_prefixes_as_000(string zip)
    {
        Assert.Equal("000", Zip3Operator.Instance.Operate(EntityTypes.Address, zip, Scope));
    }

    [Fact]
    public void Lists_exactly_the_17_hhs_prefixes()
    {
        Assert.Equal(17, RestrictedZip3.Prefixes.Count);
        Assert.DoesNotContain("021", RestrictedZip3.Prefixes);
    }

    [Theory]
    [InlineData("Boston")]
    [InlineData("12 Elm St")]
    [InlineData("021")]
    [InlineData("021155")]
    public void Replaces_a_value_without_zip_code_with_the_label(string value)
    {
        Assert.Equal("[ADDRESS]", Zip3Operator.Instance.Operate(EntityTypes.Address, value, Scope));
    }
}
