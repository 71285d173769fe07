using System.Text;

namespace Caduceus.RedTeam.Mutators;

/// <summary>Swaps letters for look-alike digits and symbols (<c>1gn0r3 4ll</c>).</summary>
internal sealed class LeetspeakMutator : WordMutator
{
    public override string Name => "leetspeak";

    protected override string RewriteWord(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            builder.Append(char.ToLowerInvariant(c) switch
            {
                'a' => '4',
                'e' => '3',
                'i' => '1',
                'o' => '0',
                's' => '5',
                't' => '7',
                _ => c,
            });
        }

        return builder.ToString();
    }
}
