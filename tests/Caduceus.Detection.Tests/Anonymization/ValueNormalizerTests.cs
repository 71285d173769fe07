using Caduceus.Detection.Anonymization;

namespace Caduceus.Detection.Tests.Anonymization;

public sealed class ValueNormalizerTests
{
    [Theory]
    [InlineData(EntityTypes.Ssn, "536-22-1843", "536 22 1843")]
    [InlineData(EntityTypes.Phone, "(415) 234-5678", "+1 415.234.5678")]
    [InlineData(EntityTypes.Fax, "1-415-234-5678", "4152345678")]
    [InlineData(EntityTypes.Email, "Jane.Roe@Example.com", " jane.roe@example.com")]
    [InlineData(EntityTypes.Date, "01/05/2021", "January 5, 2021")]
    [InlineData(EntityTypes.Date, "1/5/21", "2021-01-05")]
    [InlineData(EntityTypes.Name, "Jane Roe", "JANE   ROE ")]
    [InlineData(EntityTypes.Mrn, "A12-345", "a12 345")]
    public void Treats_spellings_of_one_value_alike(string type, string a, string b)
    {
        Assert.Equal(ValueNormalizer.Normalize(type, a), ValueNormalizer.Normalize(type, b));
    }

    [Theory]
    [InlineData(EntityTypes.Ssn, "536-22-1843", "536-22-1844")]
    [InlineData(EntityTypes.Date, "01/05/2021 10:00", "01/05/2021 11:00")]
    [InlineData(EntityTypes.Date, "01/05/2021", "01/05/2022")]
    [InlineData(EntityTypes.Name, "Jane Roe", "Jane Rose")]
    public void Keeps_different_values_apart(string type, string a, string b)
    {
        Assert.NotEqual(ValueNormalizer.Normalize(type, a), ValueNormalizer.Normalize(type, b));
    }
}
