using System.Buffers;
using Caduceus.Detection.Phi.Identifiers;

namespace Caduceus.Detection.Tests.Phi.Identifiers;

public sealed class DigitRunsTests
{
    private static readonly SearchValues<char> Joiners = SearchValues.Create(" -.()+");

    [Theory]
    [InlineData("call 5552345678", true)]
    [InlineData("(555) 234-5678 today", true)]
    [InlineData("+1 555.234.5678", true)]
    [InlineData("555-234-567", false)]
    [InlineData("BP 148/88, HR 92, RR 20, T 98.6", false)]
    [InlineData("555 / 234 / 5678", false)]
    [InlineData("", false)]
    public void Finds_runs_of_ten_digits_joined_by_separators(string text, bool expected)
    {
        Assert.Equal(expected, DigitRuns.Any(text, 10, int.MaxValue, Joiners, maxJoin: 2));
    }

    [Theory]
    [InlineData("4111 1111 1111 1111", true)]
    [InlineData("4111 1111 1111 1111 500 600 700 800 900 100 200 300 400 500", false)]
    [InlineData("4111 1111 1111 1111 and 12", true)]
    public void Respects_the_largest_run(string text, bool expected)
    {
        Assert.Equal(expected, DigitRuns.Any(text, 13, 40, Joiners, maxJoin: 1));
    }
}
