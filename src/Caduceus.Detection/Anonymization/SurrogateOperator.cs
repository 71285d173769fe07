using Caduceus.Detection.Anonymization.Surrogates;

namespace Caduceus.Detection.Anonymization;

/// <summary>
/// Replaces a value with a realistic fake of the same type and shape, so the text still reads naturally:
/// a name becomes another name, a phone number a fictional 555-01xx number, an SSN one with a never-assigned 9xx
/// area, a date the scope's shifted date (<see cref="DateShiftOperator"/>), an e-mail address one at
/// <c>example.org</c>, an address another address, an age over 89 becomes 90, a URL or IP address one reserved for
/// documentation, any identifier another of the same shape. Choices are keyed hashes of scope, type and value: the
/// same value gets the same surrogate throughout a scope, and nobody without the key can map a surrogate back.
/// Not reversible. Distinct values can, rarely, share a surrogate.
/// </summary>
public sealed class SurrogateOperator : IAnonymizationOperator
{
    public const string OperatorName = "surrogate";

    private readonly byte[] _key;
    private readonly DateShiftOperator _dates;

    /// <param name="key">At least 32 secret bytes; keep it stable so a scope keeps its surrogates.</param>
    /// <param name="dates">Shifts dates; share the instance with a <c>date_shift</c> operator so both move a scope's dates alike. Null: one keyed by <paramref name="key"/>.</param>
    public SurrogateOperator(ReadOnlySpan<byte> key, DateShiftOperator? dates = null)
    {
        _key = OperatorKey.Copy(key, nameof(key));
        _dates = dates ?? new DateShiftOperator(key);
    }

    public string Name => OperatorName;

    public string Operate(string entityType, string value, AnonymizationScope scope)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(scope);
        if (value.AsSpan().Trim().IsEmpty)
        {
            return value;
        }

        switch (entityType)
        {
            case EntityTypes.Name:
                return NameSurrogate.Create(value, part => Draw(scope, entityType, part));
            case EntityTypes.Date:
                return _dates.TryShift(value, scope, out var shifted) ? shifted : RedactOperator.Label(entityType);
            case EntityTypes.Age:
                return AgeSurrogate.Create(value);
            case EntityTypes.Biometric:
                // A description of a finger or voice print has no shape worth faking.
                return RedactOperator.Label(entityType);
        }

        var draw = Draw(scope, entityType, ValueNormalizer.Normalize(entityType, value));
        return entityType switch
        {
            EntityTypes.Phone or EntityTypes.Fax => PhoneSurrogate.Create(value, draw),
            EntityTypes.Ssn => SsnSurrogate.Create(value, draw),
            EntityTypes.Email => EmailSurrogate.Create(draw),
            EntityTypes.Address => AddressSurrogate.Create(value, draw),
            EntityTypes.Url => UrlSurrogate.Create(value, draw),
            EntityTypes.Ip => IpSurrogate.Create(value, draw),
            _ => ShapeSurrogate.Create(value, draw),
        };
    }

    private KeyedDraw Draw(AnonymizationScope scope, string entityType, string part) => new(_key, ["surrogate", scope.Id, entityType, part]);
}
