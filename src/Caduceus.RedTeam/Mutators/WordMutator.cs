using System.Text;
using Caduceus.RedTeam.Attacks;

namespace Caduceus.RedTeam.Mutators;

/// <summary>Base for mutators that rewrite each word but leave URLs and e-mail addresses intact, so links still work.</summary>
internal abstract class WordMutator : IMutator
{
    public abstract string Name { get; }

    public IReadOnlyList<string>? Mutate(Attack attack)
    {
        var words = attack.Payload.Split(' ');
        var builder = new StringBuilder(attack.Payload.Length * 2);
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            var word = words[i];
            builder.Append(word.Contains("://", StringComparison.Ordinal) || word.Contains('@', StringComparison.Ordinal) ? word : RewriteWord(word));
        }

        return [builder.ToString()];
    }

    protected abstract string RewriteWord(string word);
}
