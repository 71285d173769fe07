namespace Caduceus.Policy;

/// <summary>What policy does with a finding, in increasing order of severity.</summary>
public enum PolicyAction
{
    /// <summary>Let the text through unchanged.</summary>
    Allow = 0,

    /// <summary>Replace the finding's span with its type label before the text moves on.</summary>
    Redact = 1,

    /// <summary>Refuse the whole exchange.</summary>
    Block = 2,
}
