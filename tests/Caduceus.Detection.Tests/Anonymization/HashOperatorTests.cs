using System.Text.RegularExpressions;
using Caduceus.Detection.Anonymization;

namespace Caduceus.Detection.Tests.Anonymization;

public sealed partial class HashOperatorTests
{
    [Fact]
    public void Writes_the_type_and_eight_hex_digits()
    {
        var hashed = new HashOperator(TestKeys.A).Operate(EntityTypes.Ssn, "536-22-1843", new AnonymizationScope("a"));

        Assert.Matches(HashShape(), hashed);
        Assert.StartsWith("<SSN:", hashed, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_value_and_key_give_the_same_output_in_any_scope_and_spelling()
    {
        var hash = new HashOperator(TestKeys.A);

        var first = hash.Operate(EntityTypes.Ssn, "536-22-1843", new AnonymizationScope("a"));
        var again = new HashOperator(TestKeys.A).Operate(EntityTypes.Ssn, "536 22 1843", new AnonymizationScope("b"));

        Assert.Equal(first, again);
    }

    [Fact]
    public void Another_key_or_value_gives_another_output()
    {
        var scope = new AnonymizationScope("a");
        var first = new HashOperator(TestKeys.A).Operate(EntityTypes.Ssn, "536-22-1843", scope);

        Assert.NotEqual(first, new HashOperator(TestKeys.B).Operate(EntityTypes.Ssn, "536-22-1843", scope));
        Assert.NotEqual(first, new HashOperator(TestKeys.A).Operate(EntityTypes.Ssn, "536-22-1844", scope));
    }

    [Fact]
    public void Keeps_as_many_hex_digits_as_configured()
    {
        var hashed = new HashOperator(TestKeys.A, 16).Operate(EntityTypes.Mrn, "00123456", new AnonymizationScope("a"));

        Assert.Equal("<MRN:".Length + 16 + 1, hashed.Length);
    }

    [Fact]
    public void Rejects_a_short_key_without_showing_it()
    {
        var exception = Assert.Throws<ArgumentException>(() => new HashOperator(new byte[31]));

        Assert.Equal("key", exception.ParamName);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(65)]
    public void Rejects_a_length_outside_8_to_64(int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HashOperator(TestKeys.A, length));
    }

    [GeneratedRegex("^<SSN:[0-9a-f]{8}>$")]
    private static partial Regex HashShape();
}
