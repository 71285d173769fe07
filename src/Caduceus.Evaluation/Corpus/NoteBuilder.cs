using System.Text;
using Caduceus.Evaluation.Data;

namespace Caduceus.Evaluation.Corpus;

/// <summary>Builds a synthetic text and its gold spans together, so every span is exactly the value written.</summary>
internal sealed class NoteBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<GoldSpan> _spans = [];

    public int Length => _text.Length;

    /// <summary>Unlabelled text.</summary>
    public NoteBuilder Text(string text)
    {
        _text.Append(text);
        return this;
    }

    /// <summary>A labelled value of <paramref name="type"/>.</summary>
    public NoteBuilder Phi(string type, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _spans.Add(new GoldSpan(_text.Length, _text.Length + value.Length, type));
        _text.Append(value);
        return this;
    }

    public PhiDocument Build(string id, string file)
    {
        var text = _text.ToString();
        return new PhiDocument(id, file, 0, text, [.. _spans]);
    }
}
