using Caduceus.Evaluation.Corpus;

namespace Caduceus.Evaluation.Tests.Corpus;

public sealed class CheckDigitsTests
{
    [Theory]
    [InlineData("411111111111111", '1')] // 4111 1111 1111 1111, the well-known Visa test number
    [InlineData("37828224631000", '5')] // 3782 822463 10005, the Amex test number
    [InlineData("80840123456789", '3')] // NPI 1234567893, CMS's published example
    public void Luhn_digit_matches_published_examples(string body, char expected)
    {
        Assert.Equal(expected, CheckDigits.Luhn(body));
    }

    [Fact]
    public void Dea_check_digit_matches_the_published_rule()
    {
        // AB1234563: (1 + 3 + 5) + 2 * (2 + 4 + 6) = 33, check digit 3.
        Assert.Equal('3', CheckDigits.Dea("123456"));
    }

    [Fact]
    public void Vin_check_digit_matches_a_published_example()
    {
        // 1M8GDM9AXKP042788 is the example VIN of 49 CFR 565 with check digit X.
        Assert.Equal('X', CheckDigits.Vin("1M8GDM9A0KP042788"));
    }

    [Fact]
    public void Generated_values_carry_valid_check_digits()
    {
        var random = new DeterministicRandom(4);
        for (var i = 0; i < 200; i++)
        {
            var card = new string([.. PhiValues.PaymentCard(random).Where(char.IsAsciiDigit)]);
            Assert.Equal(card[^1], CheckDigits.Luhn(card[..^1]));

            var npi = PhiValues.Npi(random);
            Assert.Equal(npi[^1], CheckDigits.Luhn("80840" + npi[..^1]));

            var dea = PhiValues.Dea(random, "Okafor");
            Assert.Equal('O', dea[1]);
            Assert.Equal(dea[^1], CheckDigits.Dea(dea[2..8]));

            var vin = PhiValues.Vin(random);
            Assert.Equal(17, vin.Length);
            Assert.Equal(vin[8], CheckDigits.Vin(vin));
            Assert.DoesNotContain(vin, c => c is 'I' or 'O' or 'Q');
        }
    }
}
