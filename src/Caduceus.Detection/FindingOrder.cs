namespace Caduceus.Detection;

/// <summary>
/// Reading order for findings: by start, longer first, then PHI before injection, higher score first; the remaining
/// keys only make the order deterministic.
/// </summary>
internal sealed class FindingOrder : IComparer<Finding>
{
    public static FindingOrder Instance { get; } = new();

    private FindingOrder()
    {
    }

    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var order = x.Start.CompareTo(y.Start);
        if (order == 0)
        {
            order = y.Length.CompareTo(x.Length);
        }

        if (order == 0)
        {
            order = x.Category.CompareTo(y.Category);
        }

        if (order == 0)
        {
            order = y.Score.CompareTo(x.Score);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.EntityType, y.EntityType);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.Detector, y.Detector);
        }

        return order;
    }
}
