namespace Caduceus.Detection.Phi.Names;

/// <summary>
/// The word lists embedded in this assembly from Phi/Names/Resources: UTF-8, one word a line, '#' starts a comment
/// line. Where each list comes from is recorded in Phi/Names/README.md.
/// </summary>
internal static class WordListResource
{
    private const string Prefix = "Caduceus.Names.";

    /// <summary>The words of the embedded list <paramref name="fileName"/> (e.g. "eponyms.txt"), in file order.</summary>
    /// <exception cref="InvalidOperationException">The list is not embedded: a build error, not a runtime condition.</exception>
    public static IEnumerable<string> Read(string fileName)
    {
        using var stream = typeof(WordListResource).Assembly.GetManifestResourceStream(Prefix + fileName)
            ?? throw new InvalidOperationException($"The word list '{fileName}' is not embedded in the detection assembly.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && word[0] != '#')
            {
                yield return word;
            }
        }
    }
}
