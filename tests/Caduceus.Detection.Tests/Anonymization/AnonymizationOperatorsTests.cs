using Caduceus.Detection.Anonymization;

namespace Caduceus.Detection.Tests.Anonymization;

public sealed class AnonymizationOperatorsTests
{
    [Fact]
    public void Creates_every_named_operator()
    {
        foreach (var name in AnonymizationOperators.Names)
        {
            Assert.Equal(name, AnonymizationOperators.Create(name, TestKeys.A).Name);
        }

        Assert.Equal("mask", AnonymizationOperators.Create("MASK", TestKeys.A).Name);
    }

    [Fact]
    public void Gives_keyed_operators_keys_of_their_own_that_stay_stable()
    {
        var scope = new AnonymizationScope("c");
        var hash = AnonymizationOperators.Create("hash", TestKeys.A).Operate(EntityTypes.Ssn, "536-22-1843", scope);

        Assert.Equal(hash, AnonymizationOperators.Create("hash", TestKeys.A).Operate(EntityTypes.Ssn, "536-22-1843", scope));
        Assert.NotEqual(hash, new HashOperator(TestKeys.A).Operate(EntityTypes.Ssn, "536-22-1843", scope));
    }

    [Fact]
    public void Surrogate_and_date_shift_move_a_scope_s_dates_alike()
    {
        var scope = new AnonymizationScope("c");

        Assert.Equal(
            AnonymizationOperators.Create("date_shift", TestKeys.A).Operate(EntityTypes.Date, "01/05/2021", scope),
            AnonymizationOperators.Create("surrogate", TestKeys.A).Operate(EntityTypes.Date, "01/05/2021", scope));
    }

    [Fact]
    public void Rejects_unknown_names_and_short_keys()
    {
        var unknown = Assert.Throws<ArgumentException>(() => AnonymizationOperators.Create("shred", TestKeys.A));
        Assert.Contains("redact, mask", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => AnonymizationOperators.Create("redact", new byte[8]));
    }
}
