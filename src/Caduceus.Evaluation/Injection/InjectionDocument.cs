namespace Caduceus.Evaluation.Injection;

/// <summary>One labelled prompt or document for the injection metrics.</summary>
/// <param name="Id"><c>FILE#LINE</c>: the data's <c>source</c> field names a collection, not a line.</param>
/// <param name="File">Name of the file it was read from.</param>
/// <param name="LineNumber">One-based line in <paramref name="File"/>.</param>
/// <param name="Text">The text the detectors see.</param>
/// <param name="Label">benign, injection or jailbreak.</param>
public sealed record InjectionDocument(string Id, string File, int LineNumber, string Text, string Label)
{
    public const string Benign = "benign";
    public const string Injection = "injection";
    public const string Jailbreak = "jailbreak";

    public static IReadOnlyList<string> Labels { get; } = [Benign, Injection, Jailbreak];

    /// <summary>Both attack labels are positives.</summary>
    public bool IsAttack => Label != Benign;
}
