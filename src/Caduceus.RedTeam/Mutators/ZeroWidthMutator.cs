namespace Caduceus.RedTeam.Mutators;

/// <summary>Splits every longer word with invisible zero-width spaces, which break naive keyword matching.</summary>
internal sealed class ZeroWidthMutator : WordMutator
{
    public override string Name => "zero-width";

    protected override string RewriteWord(string word) => word.Length < 4 ? word : word[..2] + "\u200B" + word[2..];
}
