using Caduceus.Gateway.Streaming;

namespace Caduceus.Gateway.Tests.Streaming;

public sealed class StreamHoldbackTests
{
    [Theory]
    [InlineData("Hello there ", 12)]
    [InlineData("Hello there", 6)]
    [InlineData("Call me at 415-55", 11)]
    [InlineData("Call me at (415) 555-", 11)]
    [InlineData("Call me at 415 555 01", 11)]
    [InlineData("SSN 219-09-", 4)]
    [InlineData("write to jane.doe@exa", 9)]
    public void Holds_back_what_may_still_grow_into_an_identifier(string pending, int expected)
    {
        Assert.Equal(expected, StreamHoldback.SafeLength(pending));
    }

    [Fact]
    public void Releases_a_digit_run_once_words_follow_it()
    {
        const string pending = "Room 12 is on the left ";

        Assert.Equal(pending.Length, StreamHoldback.SafeLength(pending));
    }

    [Fact]
    public void Bounds_what_it_holds_for_an_endless_digit_run()
    {
        var pending = "Numbers: " + string.Join(' ', Enumerable.Range(0, 100).Select(i => (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.True(StreamHoldback.SafeLength(pending) > 0);
    }
}
