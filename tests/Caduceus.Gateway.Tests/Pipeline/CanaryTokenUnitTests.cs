using Caduceus.Detection;
using Caduceus.Gateway.Pipeline;
using Caduceus.Gateway.Streaming;
using Caduceus.Policy;

namespace Caduceus.Gateway.Tests.Pipeline;

public sealed class CanaryTokenUnitTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    [Fact]
    public void A_conversation_keeps_its_canary_and_others_get_their_own()
    {
        var first = CanaryToken.For(Key, "portal", "conv-1");

        Assert.Equal(first.Value, CanaryToken.For(Key, "portal", "conv-1").Value);
        Assert.NotEqual(first.Value, CanaryToken.For(Key, "portal", "conv-2").Value);
        Assert.NotEqual(first.Value, CanaryToken.For(Key, "phone", "conv-1").Value);
        Assert.NotEqual(CanaryToken.For(Key, "portal", null).Value, CanaryToken.For(Key, "portal", null).Value);
        Assert.Contains(first.Value, first.Marker, StringComparison.Ordinal);
    }

    [Fact]
    public void Finds_the_canary_in_any_case_and_measures_a_partial_one_at_the_end()
    {
        var canary = CanaryToken.For(Key, "portal", "conv-1");

        Assert.Equal(4, canary.IndexIn("abc " + canary.Value.ToUpperInvariant() + " def"));
        Assert.Equal(-1, canary.IndexIn("abc cdx-"));
        Assert.Equal(6, canary.PartialLengthAtEnd("hello " + canary.Value[..6]));
        Assert.Equal(0, canary.PartialLengthAtEnd("hello world"));
    }

    [Fact]
    public void A_stream_holds_back_a_possible_start_of_the_canary_then_stops_when_it_completes()
    {
        var canary = CanaryToken.For(Key, "portal", "conv-1");
        var inspector = new StreamingTextInspector(new TextAnalyzer([]), new DirectionPolicy(), canary);

        var released = inspector.Push("Here it is: " + canary.Value[..5]);
        var more = inspector.Push(canary.Value[5..] + " and the rest.");

        Assert.Equal("Here it is: ", released);
        Assert.Equal(string.Empty, more);
        Assert.Equal(RefusalCodes.SystemPromptLeak, inspector.RefusalCode);
        Assert.Equal(string.Empty, inspector.Flush());
    }

    [Fact]
    public void A_stream_releases_held_text_that_turned_out_not_to_be_the_canary()
    {
        var canary = CanaryToken.For(Key, "portal", "conv-1");
        var inspector = new StreamingTextInspector(new TextAnalyzer([]), new DirectionPolicy(), canary);

        var released = inspector.Push("Tokens start with cdx");
        var rest = inspector.Flush();

        Assert.Equal("Tokens start with cdx", released + rest);
        Assert.Null(inspector.RefusalCode);
    }
}
