using System.Text;

namespace Caduceus.RedTeam.Mutators;

/// <summary>Swaps Latin letters for Cyrillic look-alikes (а, е, о, р, с), which read the same to a person and a model.</summary>
internal sealed class HomoglyphMutator : WordMutator
{
    public override string Name => "homoglyph";

    protected override string RewriteWord(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            builder.Append(c switch
            {
                'a' => 'а',
                'e' => 'е',
                'o' => 'о',
                'p' => 'р',
                'c' => 'с',
                _ => c,
            });
        }

        return builder.ToString();
    }
}
