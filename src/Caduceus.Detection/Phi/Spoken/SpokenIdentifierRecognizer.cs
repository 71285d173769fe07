namespace Caduceus.Detection.Phi.Spoken;

/// <summary>
/// Finds identifiers said aloud in call transcripts: digits as words (<c>five five five, one two one two</c>, "oh" for
/// zero, <c>double five</c>, <c>triple seven</c>, <c>fifty five</c>, <c>eight hundred</c>) and spelled letters
/// (<c>S as in Sam, M as in Mary, I T H</c>, NATO words). The words are turned into digits and letters internally and
/// the run is classified by its length and the words before it: a phone (or fax) number for 7, 10 or 11 digits, an SSN
/// for nine digits after "social", a ZIP code after "zip", the type of any identifier label before it ("member ID",
/// "MRN", "account"), a name when letters are spelled after "name", and otherwise another identifier. The finding spans
/// the words; its explanation never repeats them.
/// </summary>
public sealed class SpokenIdentifierRecognizer : IDetector
{
    private readonly SpokenContext _context;

    public SpokenIdentifierRecognizer()
        : this(SpokenContext.Default)
    {
    }

    internal SpokenIdentifierRecognizer(SpokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    /// <inheritdoc />
    public string Name => nameof(SpokenIdentifierRecognizer);

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(input.Text);
        ArgumentNullException.ThrowIfNull(findings);

        var text = input.Text.AsSpan();
        var triggers = SpokenWords.Triggers.Scan(text);
        var from = 0;
        while (from < text.Length)
        {
            var at = triggers.Next(from);
            if (at < 0)
            {
                return;
            }

            from = at + 1;
            if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
            {
                continue;
            }

            var start = SpokenRunReader.ExtendBackward(text, at);
            if (start == at && (IsWordAt(text, at, "as") || IsWordAt(text, at, "for")))
            {
                continue; // "as in" and "for" spell a letter only right after one.
            }

            if (!SpokenRunReader.TryRead(text, start, out var run))
            {
                continue;
            }

            var finding = Classify(text, run);
            if (finding is not null)
            {
                findings.Add(finding);
                from = Math.Max(from, run.End);
            }
        }
    }

    private Finding? Classify(ReadOnlySpan<char> text, SpokenRun run)
    {
        var (context, phrase) = _context.FindBefore(text, run.Start);
        var digits = run.Digits;
        var letters = run.Letters;
        var what = letters == 0 ? $"{digits} digits spoken as words" : digits == 0 ? $"{letters} letters spelled out" : "letters and digits spoken";
        var why = phrase is null ? what : $"{what}, context word '{phrase}' before";

        if (letters == 0)
        {
            return ClassifyDigits(run, digits, context, why);
        }

        if (digits == 0)
        {
            return context switch
            {
                EntityTypes.Name => Report(run, EntityTypes.Name, 0.85, why),
                null or EntityTypes.Phone or EntityTypes.Fax or EntityTypes.Ssn or EntityTypes.Address or EntityTypes.Date =>
                    Report(run, EntityTypes.OtherId, 0.6, why),
                _ => Report(run, context, 0.75, why),
            };
        }

        return context switch
        {
            null or EntityTypes.Name or EntityTypes.Phone or EntityTypes.Fax or EntityTypes.Ssn or EntityTypes.Address or EntityTypes.Date =>
                Report(run, EntityTypes.OtherId, 0.65, why),
            _ => Report(run, context, 0.85, why),
        };
    }

    private Finding? ClassifyDigits(SpokenRun run, int digits, string? context, string why)
    {
        var isPhoneLength = digits is 7 or 10 || (digits == 11 && run.Value[0] == '1');
        switch (context)
        {
            case EntityTypes.Phone or EntityTypes.Fax when isPhoneLength:
                return Report(run, context, digits == 7 ? 0.8 : 0.9, why);
            case EntityTypes.Ssn when digits == 9:
                var ssn = SsnValidator.Check(run.Value);
                return Report(run, EntityTypes.Ssn, ssn.IsValid ? 0.9 : 0.7, why);
            case EntityTypes.Ssn when digits == 4:
                return Report(run, EntityTypes.Ssn, 0.6, why + ", last four");
            case EntityTypes.Address when digits is 5 or 9:
                return Report(run, EntityTypes.Address, 0.85, why);
            case EntityTypes.Date when digits is >= 6 and <= 8:
                return Report(run, EntityTypes.Date, 0.7, why);
            case EntityTypes.Phone or EntityTypes.Fax or EntityTypes.Ssn or EntityTypes.Address or EntityTypes.Date or EntityTypes.Name:
                return digits >= 5 ? Report(run, EntityTypes.OtherId, 0.6, why) : null;
            case not null:
                return Report(run, context, 0.8, why);
        }

        // No context: the length alone, unless the speaker is counting.
        if (run.IsCounting)
        {
            return null;
        }

        if ((digits == 10 && run.Value[0] >= '2') || (digits == 11 && run.Value[0] == '1' && run.Value[1] >= '2'))
        {
            return Report(run, EntityTypes.Phone, 0.75, why);
        }

        return digits switch
        {
            7 => Report(run, EntityTypes.Phone, 0.55, why),
            >= 6 => Report(run, EntityTypes.OtherId, 0.5, why),
            _ => null,
        };
    }

    private Finding Report(SpokenRun run, string entityType, double score, string explanation) =>
        new(entityType, FindingCategory.Phi, run.Start, run.Length, score, Name, explanation);

    private static bool IsWordAt(ReadOnlySpan<char> text, int at, string word) =>
        text[at..].StartsWith(word, StringComparison.OrdinalIgnoreCase)
        && (at + word.Length == text.Length || !char.IsLetter(text[at + word.Length]));
}
