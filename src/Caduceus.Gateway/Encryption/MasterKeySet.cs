namespace Caduceus.Gateway.Encryption;

/// <summary>
/// The master key data keys are wrapped with (<see cref="Current"/>), and during a transition the ones they may still
/// be wrapped with (<see cref="Previous"/>), accepted for unwrapping only.
/// </summary>
public sealed record MasterKeySet(IMasterKey Current, IReadOnlyList<IMasterKey> Previous)
{
    public MasterKeySet(IMasterKey current)
        : this(current, [])
    {
    }

    /// <summary>The key with <paramref name="keyId"/>, or null when none of them has it.</summary>
    public IMasterKey? Find(string keyId) =>
        Current.KeyId == keyId ? Current : Previous.FirstOrDefault(key => key.KeyId == keyId);
}
