namespace Caduceus.Detection.Anonymization;

/// <summary>
/// What stays consistent while texts of one conversation (or one patient) are de-identified: the same value gets
/// the same surrogate, the same date shift and the same pseudonym token, and tokens restore to their values.
/// Create one per conversation; share it between the request's texts and the restoring of the answer.
/// </summary>
/// <remarks>
/// The id selects the keyed choices of surrogates and date shifts, and the vault row set of pseudonyms. It must come
/// from the authenticated caller (e.g. an HMAC of application, key id and conversation id), never straight from a
/// client: a client that could name another conversation's scope could have its tokens restored.
/// </remarks>
public sealed class AnonymizationScope
{
    /// <param name="id">Stable id of the conversation or patient.</param>
    /// <param name="pseudonyms">Pseudonyms already issued in this scope (e.g. loaded from a vault); null for none.</param>
    public AnonymizationScope(string id, PseudonymTable? pseudonyms = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        Id = id;
        Pseudonyms = pseudonyms ?? new PseudonymTable();
    }

    public string Id { get; }

    /// <summary>Tokens issued in this scope and the values they stand for.</summary>
    public PseudonymTable Pseudonyms { get; }

    /// <summary>Never shows the pseudonyms' values.</summary>
    public override string ToString() => $"AnonymizationScope({Pseudonyms.Count} pseudonyms)";
}
