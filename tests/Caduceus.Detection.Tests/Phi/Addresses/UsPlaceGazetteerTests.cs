using Caduceus.Detection.Phi.Addresses;

namespace Caduceus.Detection.Tests.Phi.Addresses;

public sealed class UsPlaceGazetteerTests
{
    private readonly UsPlaceGazetteer _gazetteer = UsPlaceGazetteer.Default;

    [Fact]
    public void Loads_the_embedded_list_of_cities_and_counties()
    {
        Assert.True(_gazetteer.Count > 20_000, $"count {_gazetteer.Count}");
        Assert.InRange(_gazetteer.MaxWords, 3, 8);
    }

    [Theory]
    [InlineData("Boston", "MA")]
    [InlineData("springfield", "IL")]
    [InlineData("Saint Louis", "MO")]
    [InlineData("St. Louis", "MO")]
    [InlineData("Cook County", "IL")]
    [InlineData("Orleans Parish", "LA")]
    public void Finds_places_in_their_state(string name, string state)
    {
        Assert.True(_gazetteer.TryGet(name, out var place));
        Assert.True(place.IsIn(state));
        Assert.False(place.IsIn("ZZ"));
    }

    [Theory]
    [InlineData("Mobile")]
    [InlineData("Reading")]
    [InlineData("Independence")]
    [InlineData("Hope")]
    public void Marks_place_names_that_are_also_common_words(string name)
    {
        Assert.True(_gazetteer.TryGet(name, out var place));
        Assert.True(place.IsCommonWord);
    }

    [Fact]
    public void Does_not_mark_ordinary_city_names_as_common_words()
    {
        Assert.True(_gazetteer.TryGet("Boston", out var place));
        Assert.False(place.IsCommonWord);
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("Massachusetts")]
    [InlineData("Bank Of America")]
    public void Knows_no_imaginary_places_states_or_firms(string name)
    {
        Assert.False(_gazetteer.TryGet(name, out _));
    }

    [Fact]
    public void Rejects_malformed_lines()
    {
        Assert.Throws<FormatException>(() => new UsPlaceGazetteer(["Boston\tMA"]));
    }
}
