using Caduceus.TestModel.Protocol;

namespace Caduceus.TestModel.Tests.Protocol;

public sealed class TextChunksTests
{
    private static string[] Split(string text, int size) => [.. TextChunks.Split(text, size).Select(r => text[r])];

    [Fact]
    public void Cuts_text_into_chunks_of_the_given_size()
    {
        Assert.Equal(["abc", "def", "g"], Split("abcdefg", 3));
    }

    [Fact]
    public void Empty_text_gives_no_chunks()
    {
        Assert.Empty(Split("", 3));
    }

    [Fact]
    public void Never_splits_a_surrogate_pair()
    {
        // "a" + U+1F489 (syringe, a surrogate pair) + "b": a 2-char cut would end on the high surrogate.
        var chunks = Split("a\U0001F489b", 2);

        Assert.Equal(["a\U0001F489", "b"], chunks);
    }
}
