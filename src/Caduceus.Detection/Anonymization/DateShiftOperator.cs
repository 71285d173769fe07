using System.Buffers.Binary;
using Caduceus.Detection.Anonymization.Dates;

namespace Caduceus.Detection.Anonymization;

/// <summary>
/// Moves every date of a scope by the same secret number of days, between -365 and +365 and never 0, so that
/// intervals (age at admission, days between visits, length of stay) survive while the dates do not. The shift
/// is a keyed hash of the scope id: the same patient or conversation always gets the same shift. The date keeps
/// its written form (see <see cref="ClinicalDate"/> for the forms read); a date it cannot read is replaced by its
/// type label (<c>[DATE]</c>), never passed through.
/// </summary>
public sealed class DateShiftOperator : IAnonymizationOperator
{
    public const string OperatorName = "date_shift";

    /// <summary>The largest shift, in days, either way.</summary>
    public const int MaxShiftDays = 365;

    private readonly byte[] _key;

    /// <param name="key">At least 32 secret bytes; keep it stable so a scope keeps its shift.</param>
    public DateShiftOperator(ReadOnlySpan<byte> key)
    {
        _key = OperatorKey.Copy(key, nameof(key));
    }

    public string Name => OperatorName;

    /// <summary>The scope's shift in days: in [-365, -1] or [1, 365].</summary>
    public int ShiftDays(AnonymizationScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        Span<byte> mac = stackalloc byte[32];
        OperatorKey.Mac(_key, ["date-shift", scope.Id], mac);
        var draw = (int)(BinaryPrimitives.ReadUInt32BigEndian(mac) % (2 * MaxShiftDays));
        return draw < MaxShiftDays ? draw - MaxShiftDays : draw - MaxShiftDays + 1;
    }

    public string Operate(string entityType, string value, AnonymizationScope scope)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        ArgumentNullException.ThrowIfNull(value);
        return TryShift(value, scope, out var shifted) ? shifted : RedactOperator.Label(entityType);
    }

    /// <summary>Shifts <paramref name="value"/>, keeping surrounding white space; false when it is no readable date.</summary>
    internal bool TryShift(string value, AnonymizationScope scope, out string shifted)
    {
        shifted = string.Empty;
        var trimmed = value.AsSpan().Trim();
        var lead = value.AsSpan().Length - value.AsSpan().TrimStart().Length;
        if (!ClinicalDate.TryParse(trimmed.ToString(), out var date))
        {
            return false;
        }

        var days = ShiftDays(scope);
        if (date.Date.DayNumber + days < DateOnly.MinValue.DayNumber || date.Date.DayNumber + days > DateOnly.MaxValue.DayNumber)
        {
            return false;
        }

        shifted = string.Concat(value.AsSpan(0, lead), date.Format(date.Date.AddDays(days)), value.AsSpan(lead + trimmed.Length));
        return true;
    }
}
