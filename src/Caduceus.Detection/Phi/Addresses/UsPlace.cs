namespace Caduceus.Detection.Phi.Addresses;

/// <summary>A US city, town or county name from the gazetteer.</summary>
/// <param name="States">Postal codes of the states that have a place of this name, space-separated.</param>
/// <param name="IsCommonWord">True when the one-word name is also an everyday word ("Mobile", "Reading", "Hope").</param>
internal readonly record struct UsPlace(string States, bool IsCommonWord)
{
    /// <summary>True when a place of this name lies in the state with postal code <paramref name="state"/>.</summary>
    public bool IsIn(ReadOnlySpan<char> state)
    {
        foreach (var range in States.AsSpan().Split(' '))
        {
            if (States.AsSpan(range).Equals(state, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
