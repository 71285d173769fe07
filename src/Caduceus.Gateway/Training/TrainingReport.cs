namespace Caduceus.Gateway.Training;

/// <summary>Who is overdue, or expiring before <see cref="ExpiringBefore"/>, on <see cref="AsOf"/>; overdue people first, then by id.</summary>
public sealed record TrainingReport(DateOnly AsOf, DateOnly ExpiringBefore, IReadOnlyList<PersonStanding> People)
{
    public int OverdueCount => People.Count(person => person.IsOverdue);

    public int ExpiringCount => People.Count(person => !person.IsOverdue && person.IsExpiring);
}
