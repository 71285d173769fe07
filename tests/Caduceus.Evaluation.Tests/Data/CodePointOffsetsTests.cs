using Caduceus.Evaluation.Data;

namespace Caduceus.Evaluation.Tests.Data;

public sealed class CodePointOffsetsTests
{
    [Fact]
    public void Offsets_coincide_in_text_without_surrogate_pairs()
    {
        var offsets = new CodePointOffsets("Zoë Müller, 555-0100");

        Assert.True(offsets.TryToUtf16(12, out var utf16));
        Assert.Equal(12, utf16);
        Assert.Equal(20, offsets.CodePointLength);
    }

    [Fact]
    public void Code_points_after_an_emoji_move_one_utf16_unit_right()
    {
        // "🙂" is one code point and two UTF-16 units.
        var text = "Hi 🙂 Ana at 555-0100";
        var offsets = new CodePointOffsets(text);

        Assert.True(offsets.TryToUtf16(3, out var emoji));
        Assert.True(offsets.TryToUtf16(5, out var ana));
        Assert.True(offsets.TryToUtf16(offsets.CodePointLength, out var end));

        Assert.Equal(3, emoji);
        Assert.Equal(6, ana);
        Assert.Equal("Ana", text[ana..(ana + 3)]);
        Assert.Equal(text.Length, end);
        Assert.Equal(text.Length - 1, offsets.CodePointLength);
    }

    [Fact]
    public void Utf16_index_converts_back_to_its_code_point()
    {
        var offsets = new CodePointOffsets("a🙂🙂b");

        Assert.True(offsets.TryToCodePoint(5, out var b));
        Assert.Equal(3, b);
        Assert.False(offsets.TryToCodePoint(2, out _)); // inside the first emoji's surrogate pair
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(8)]
    public void Offsets_out_of_range_are_refused(int codePoint)
    {
        var offsets = new CodePointOffsets("a🙂 test");

        Assert.Equal(7, offsets.CodePointLength);
        Assert.False(offsets.TryToUtf16(codePoint, out _));
    }
}
