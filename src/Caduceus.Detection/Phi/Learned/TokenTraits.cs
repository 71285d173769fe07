namespace Caduceus.Detection.Phi.Learned;

/// <summary>What the tagger knows about one word on its own, computed once per word and shared by its neighbours' features.</summary>
internal readonly record struct TokenTraits(
    ulong Word,
    ulong Shape,
    ulong Prefix,
    ulong Suffix,
    ulong Kind,
    uint Flags,
    ulong GapBefore,
    bool StartsLine);
