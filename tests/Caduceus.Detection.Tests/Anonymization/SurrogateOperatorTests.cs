using System.Text.RegularExpressions;
using Caduceus.Detection.Anonymization;
using Caduceus.Detection.Anonymization.Surrogates;
using Caduceus.Detection.Phi;

namespace Caduceus.Detection.Tests.Anonymization;

public sealed partial class SurrogateOperatorTests
{
    private static readonly SurrogateOperator Surrogates = new(TestKeys.A);
    private static readonly AnonymizationScope Scope = new("conversation-1");

    private static string Fake(string type, string value, AnonymizationScope? scope = null) => Surrogates.Operate(type, value, scope ?? Scope);

    [Theory]
    [InlineData(EntityTypes.Name, "Jane Roe")]
    [InlineData(EntityTypes.Phone, "(415) 234-5678")]
    [InlineData(EntityTypes.Ssn, "536-22-1843")]
    [InlineData(EntityTypes.Date, "01/05/2021")]
    [InlineData(EntityTypes.Email, "jane.roe@gmail.com")]
    [InlineData(EntityTypes.Mrn, "MRN-00123456")]
    [InlineData(EntityTypes.Address, "12 Elm St, Boston, MA 02115")]
    public void Same_value_gets_the_same_surrogate_within_a_scope_and_another_elsewhere(string type, string value)
    {
        var first = Fake(type, value);

        Assert.NotEqual(value, first);
        Assert.Equal(first, Fake(type, value));
        Assert.Equal(first, new SurrogateOperator(TestKeys.A).Operate(type, value, new AnonymizationScope("conversation-1")));
        Assert.NotEqual(first, new SurrogateOperator(TestKeys.B).Operate(type, value, Scope));
        Assert.NotEqual(first, Fake(type, value, new AnonymizationScope("conversation-2")));
    }

    [Fact]
    public void Names_become_other_names_of_the_same_shape()
    {
        Assert.Matches(TitledFullName(), Fake(EntityTypes.Name, "Dr. Jane A. Roe"));
        Assert.Matches(UpperSurnameFirst(), Fake(EntityTypes.Name, "ROE, JANE"));
        Assert.DoesNotContain("Roe", Fake(EntityTypes.Name, "Dr. Jane A. Roe"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_surname_stays_one_person_across_spellings()
    {
        var full = Fake(EntityTypes.Name, "Jane Roe").Split(' ');
        var titled = Fake(EntityTypes.Name, "Ms. Roe");
        var given = Fake(EntityTypes.Name, "Jane");

        Assert.Equal("Ms. " + full[1], titled);
        Assert.Equal(full[0], given);
    }

    [Fact]
    public void Known_given_names_keep_their_sex()
    {
        var female = new HashSet<string>(SurrogateWords.FemaleGivenNames);
        var male = new HashSet<string>(SurrogateWords.MaleGivenNames);
        for (var i = 0; i < 20; i++)
        {
            var scope = new AnonymizationScope("s" + i);
            Assert.Contains(Surrogates.Operate(EntityTypes.Name, "Mary Smith", scope).Split(' ')[0], female);
            Assert.Contains(Surrogates.Operate(EntityTypes.Name, "James Smith", scope).Split(' ')[0], male);
            Assert.Contains(Surrogates.Operate(EntityTypes.Name, "Ms. Zelda Okafor", scope).Split(' ')[1], female);
        }
    }

    [Fact]
    public void Phone_numbers_become_fictional_555_01xx_numbers_in_the_same_layout()
    {
        Assert.Matches(FormattedFictionalPhone(), Fake(EntityTypes.Phone, "(415) 234-5678"));
        Assert.Matches(InternationalFictionalPhone(), Fake(EntityTypes.Phone, "+1 415 234 5678"));
        Assert.Matches(FictionalPhoneWithExtension(), Fake(EntityTypes.Fax, "415-234-5678 x123"));
        Assert.Equal(Fake(EntityTypes.Phone, "(415) 234-5678").Where(char.IsAsciiDigit), Fake(EntityTypes.Phone, "415.234.5678").Where(char.IsAsciiDigit));
    }

    [Fact]
    public void Ssns_get_an_area_the_ssa_never_assigns()
    {
        var fake = Fake(EntityTypes.Ssn, "536-22-1843");

        Assert.Matches(NeverIssuedSsn(), fake);
        Assert.Empty(new SsnRecognizer().FindIn("SSN " + fake));
    }

    [Fact]
    public void Dates_are_shifted_like_the_date_shift_operator_with_the_same_key()
    {
        var dates = new DateShiftOperator(TestKeys.B);
        var surrogates = new SurrogateOperator(TestKeys.A, dates);

        Assert.Equal(dates.Operate(EntityTypes.Date, "January 5, 2021", Scope), surrogates.Operate(EntityTypes.Date, "January 5, 2021", Scope));
        Assert.Equal("[DATE]", surrogates.Operate(EntityTypes.Date, "the day after", Scope));
    }

    [Fact]
    public void Emails_move_to_example_org()
    {
        Assert.Matches(ExampleEmail(), Fake(EntityTypes.Email, "jane.roe@gmail.com"));
        Assert.Equal(Fake(EntityTypes.Email, "jane.roe@gmail.com"), Fake(EntityTypes.Email, "Jane.Roe@GMAIL.com"));
    }

    [Fact]
    public void Identifiers_keep_their_label_and_shape()
    {
        Assert.Matches(MrnShape(), Fake(EntityTypes.Mrn, "MRN-00123456"));
        Assert.Matches(PlanIdShape(), Fake(EntityTypes.HealthPlanId, "1EG4-TE5-MK73"));
    }

    [Fact]
    public void Addresses_become_other_addresses_and_keep_the_state()
    {
        var fake = Fake(EntityTypes.Address, "12 Elm St, Boston, MA 02115");

        Assert.Matches(StreetTownStateZip(), fake);
        Assert.DoesNotContain("Elm", fake, StringComparison.Ordinal);
        Assert.Matches("^[0-9]{5}$", Fake(EntityTypes.Address, "02115"));
    }

    [Theory]
    [InlineData("97-year-old", "90-year-old")]
    [InlineData("age 93", "age 90")]
    [InlineData("ninety-three", "90")]
    public void Ages_over_89_become_90(string value, string expected)
    {
        Assert.Equal(expected, Fake(EntityTypes.Age, value));
    }

    [Fact]
    public void Urls_and_ip_addresses_use_documentation_ranges()
    {
        Assert.Matches("^https://example.org/r/[0-9a-z]{8}$", Fake(EntityTypes.Url, "https://myportal.org/patient/123"));
        Assert.Matches(@"^203\.0\.113\.[0-9]{1,3}$", Fake(EntityTypes.Ip, "10.1.2.3"));
        Assert.StartsWith("2001:db8::", Fake(EntityTypes.Ip, "fe80::1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Biometric_references_are_labelled()
    {
        Assert.Equal("[BIOMETRIC]", Fake(EntityTypes.Biometric, "left index fingerprint"));
    }

    [GeneratedRegex(@"^Dr\. [A-Z][a-z]+ [A-Z]\. [A-Z][a-z]+$")]
    private static partial Regex TitledFullName();

    [GeneratedRegex("^[A-Z]+, [A-Z]+$")]
    private static partial Regex UpperSurnameFirst();

    [GeneratedRegex(@"^\([2-9][0-9]{2}\) 555-01[0-9]{2}$")]
    private static partial Regex FormattedFictionalPhone();

    [GeneratedRegex("^\\+1 [2-9][0-9]{2} 555 01[0-9]{2}$")]
    private static partial Regex InternationalFictionalPhone();

    [GeneratedRegex("^[2-9][0-9]{2}-555-01[0-9]{2} x[0-9]{3}$")]
    private static partial Regex FictionalPhoneWithExtension();

    [GeneratedRegex("^9[0-9]{2}-(0[1-9]|[1-9][0-9])-[0-9]{4}$")]
    private static partial Regex NeverIssuedSsn();

    [GeneratedRegex("^[a-z]+\\.[a-z]+[0-9]{2}@example\\.org$")]
    private static partial Regex ExampleEmail();

    [GeneratedRegex("^MRN-[0-9]{8}$")]
    private static partial Regex MrnShape();

    [GeneratedRegex("^[1-9][A-Z]{2}[0-9]-[A-Z]{2}[0-9]-[A-Z]{2}[0-9]{2}$")]
    private static partial Regex PlanIdShape();

    [GeneratedRegex("^[1-9][0-9] [A-Z][a-z]+ [A-Z][a-z]+, [A-Z][a-z]+, MA [0-9]{5}$")]
    private static partial Regex StreetTownStateZip();
}
