using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi;

/// <summary>
/// Finds email addresses with a pragmatic pattern (not full RFC 5322): a dot-separated local part, '@', one or more
/// domain labels and an alphabetic top-level domain of two or more letters, not glued to a longer token.
/// </summary>
public sealed partial class EmailRecognizer : IDetector
{
    internal static readonly PatternRecognizer Recognizer = new(
        nameof(EmailRecognizer),
        EntityTypes.Email,
        requiredChars: "@",
        [new("email address pattern", Address(), 0.9, Anchor: new RegexAnchor("@", tokenChars: ".%+-", notAfter: "@"))],
        new ContextWords(["email", "e-mail", "mail", "contact", "write to"]),
        EmailValidator.Check);

    /// <inheritdoc />
    public string Name => Recognizer.Name;

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings) => Recognizer.Detect(input, findings);

    // Tried only at the start of the token before each '@'. Labels are separated by dots, which keeps the repetitions
    // unambiguous.
    [GeneratedRegex(
        @"\G(?<![\w.%+@-])[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?![\w@-]|\.[A-Za-z0-9])",
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Address();
}
