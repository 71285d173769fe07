namespace Caduceus.Detection.Tests.Anonymization;

internal static class TestKeys
{
    public static byte[] A { get; } = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    public static byte[] B { get; } = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];

    public static Finding Found(string type, int start, int length, double score = 0.9) =>
        new(type, FindingCategory.Phi, start, length, score, "test", "test finding");

    /// <summary>A finding covering the first occurrence of <paramref name="value"/> in <paramref name="text"/>.</summary>
    public static Finding PhiAt(string text, string value, string type, double score = 0.9)
    {
        var start = text.IndexOf(value, StringComparison.Ordinal);
        Assert.True(start >= 0, "the value must occur in the text");
        return Found(type, start, value.Length, score);
    }
}
