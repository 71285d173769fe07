using System.Globalization;
using System.Text.Json;

namespace Caduceus.Gateway.Tests.ThreatIntel;

/// <summary>
/// Checks a bundle against STIX 2.1: the bundle's own properties (section 8) and, per object, the common required
/// properties (type, spec_version 2.1, id as TYPE--UUID, created and modified as UTC timestamps with modified not
/// before created), the identity's name, and the indicator's pattern, pattern_type and valid_from (section 4.7).
/// </summary>
internal static class StixBundleAssert
{
    public static void Valid(JsonElement bundle)
    {
        Assert.Equal("bundle", bundle.GetProperty("type").GetString());
        AssertId(bundle, "bundle");
        Assert.False(bundle.TryGetProperty("spec_version", out _), "a STIX 2.1 bundle has no spec_version");
        var ids = new HashSet<string>();
        foreach (var stixObject in bundle.GetProperty("objects").EnumerateArray())
        {
            var type = stixObject.GetProperty("type").GetString()!;
            Assert.Equal("2.1", stixObject.GetProperty("spec_version").GetString());
            Assert.True(ids.Add(AssertId(stixObject, type)), "object ids are unique");
            var created = Timestamp(stixObject, "created");
            Assert.True(Timestamp(stixObject, "modified") >= created, "modified is not before created");
            if (type == "identity")
            {
                Assert.False(string.IsNullOrEmpty(stixObject.GetProperty("name").GetString()));
            }
            else
            {
                Assert.Equal("indicator", type);
                Assert.StartsWith("[", stixObject.GetProperty("pattern").GetString(), StringComparison.Ordinal);
                Assert.Equal("stix", stixObject.GetProperty("pattern_type").GetString());
                Timestamp(stixObject, "valid_from");
                Assert.Contains("malicious-activity", stixObject.GetProperty("indicator_types").EnumerateArray().Select(t => t.GetString()));
                Assert.InRange(stixObject.GetProperty("confidence").GetInt32(), 0, 100);
                Assert.True(ids.Contains(stixObject.GetProperty("created_by_ref").GetString()!), "created_by_ref names an object of the bundle");
            }
        }
    }

    private static string AssertId(JsonElement stixObject, string type)
    {
        var id = stixObject.GetProperty("id").GetString()!;
        Assert.StartsWith(type + "--", id, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(id.AsSpan(type.Length + 2), out _), $"'{id}' is TYPE--UUID");
        return id;
    }

    private static DateTimeOffset Timestamp(JsonElement stixObject, string property)
    {
        var text = stixObject.GetProperty(property).GetString()!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$", text);
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
    }
}
