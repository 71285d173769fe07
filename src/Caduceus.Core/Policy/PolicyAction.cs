namespace Caduceus.Policy;

/// <summary>What policy does with a finding.</summary>
public enum PolicyAction
{
    /// <summary>Let the text through unchanged.</summary>
    Allow = 0,

    /// <summary>
    /// Replace the value with a token (<c>&lt;NAME_1&gt;</c>) that the gateway can turn back into the value in the
    /// answer, for callers entitled to re-identification. Requests only.
    /// </summary>
    Pseudonymize = 1,

    /// <summary>Replace the value with its type label (<c>[NAME]</c>) for good.</summary>
    Redact = 2,

    /// <summary>Refuse the whole exchange.</summary>
    Block = 3,
}
