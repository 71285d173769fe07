namespace Caduceus.Detection.Anonymization;

/// <summary>
/// Hides the letters and digits of a value behind a mask character, keeping its punctuation and its last few
/// letters or digits: <c>536-22-1843</c> becomes <c>***-**-1843</c>. Never keeps more than half of a value's letters
/// and digits, so a short value is never shown whole.
/// </summary>
public sealed class MaskOperator : IAnonymizationOperator
{
    public const string OperatorName = "mask";

    /// <param name="maskCharacter">Stands for each hidden letter or digit; must not itself be a letter or digit.</param>
    /// <param name="keepLast">How many trailing letters or digits stay visible (at most half of them do).</param>
    public MaskOperator(char maskCharacter = '*', int keepLast = 4)
    {
        if (char.IsLetterOrDigit(maskCharacter) || char.IsWhiteSpace(maskCharacter) || char.IsControl(maskCharacter))
        {
            throw new ArgumentException("The mask character must be a visible symbol, not a letter, digit or space.", nameof(maskCharacter));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(keepLast);
        MaskCharacter = maskCharacter;
        KeepLast = keepLast;
    }

    public string Name => OperatorName;

    public char MaskCharacter { get; }

    public int KeepLast { get; }

    public string Operate(string entityType, string value, AnonymizationScope scope)
    {
        ArgumentNullException.ThrowIfNull(value);
        var significant = 0;
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                significant++;
            }
        }

        var masked = significant - Math.Min(KeepLast, significant / 2);
        return string.Create(value.Length, (value, masked, MaskCharacter), static (span, state) =>
        {
            var (text, toMask, mask) = state;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsLetterOrDigit(c) && toMask > 0)
                {
                    span[i] = mask;
                    toMask--;
                }
                else
                {
                    span[i] = c;
                }
            }
        });
    }
}
