using Caduceus.Detection.Anonymization;

namespace Caduceus.Detection.Tests.Anonymization;

public sealed class MaskOperatorTests
{
    private static readonly AnonymizationScope Scope = new("test");

    [Theory]
    [InlineData(EntityTypes.Ssn, "536-22-1843", "***-**-1843")]
    [InlineData(EntityTypes.Phone, "(415) 234-5678", "(***) ***-5678")]
    [InlineData(EntityTypes.Mrn, "MRN-00123456", "***-****3456")]
    [InlineData(EntityTypes.Email, "jane@example.com", "****@******e.com")]
    public void Masks_letters_and_digits_and_keeps_the_last_four(string type, string value, string expected)
    {
        Assert.Equal(expected, new MaskOperator().Operate(type, value, Scope));
    }

    [Fact]
    public void Uses_the_configured_mask_character_and_count()
    {
        Assert.Equal("###-##-##43", new MaskOperator('#', 2).Operate(EntityTypes.Ssn, "536-22-1843", Scope));
        Assert.Equal("###-##-####", new MaskOperator('#', 0).Operate(EntityTypes.Ssn, "536-22-1843", Scope));
    }

    [Theory]
    [InlineData("1234", "**34")]
    [InlineData("12", "*2")]
    [InlineData("7", "*")]
    [InlineData("Jo Li", "** Li")]
    public void Never_keeps_more_than_half_of_a_short_value(string value, string expected)
    {
        Assert.Equal(expected, new MaskOperator().Operate(EntityTypes.OtherId, value, Scope));
    }

    [Theory]
    [InlineData('a')]
    [InlineData('7')]
    [InlineData(' ')]
    public void Rejects_a_mask_character_that_could_pass_for_data(char mask)
    {
        Assert.Throws<ArgumentException>(() => new MaskOperator(mask));
    }

    [Fact]
    public void Rejects_a_negative_count()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MaskOperator('*', -1));
    }
}
