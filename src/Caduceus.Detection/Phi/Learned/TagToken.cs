namespace Caduceus.Detection.Phi.Learned;

/// <summary>A word the tagger labels: a maximal run of letters, digits and combining marks, in UTF-16 offsets.</summary>
internal readonly record struct TagToken(int Start, int End)
{
    public int Length => End - Start;
}
