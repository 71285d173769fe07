using System.Text.Json;
using Caduceus.Detection;
using Caduceus.Evaluation.Metrics;

namespace Caduceus.Evaluation.Tests.Metrics;

public sealed class PhiReportJsonTests
{
    [Fact]
    public void Report_is_one_line_with_the_documented_keys()
    {
        var report = new PhiEvaluationReport(
            Documents: 2,
            Tokens: 40,
            Characters: 180,
            MinimumScore: 0.5,
            Overall: new TokenCounts(8, 6, 10, 5),
            PerType: new Dictionary<string, TokenCounts> { [EntityTypes.Phone] = new(3, 3, 3, 3), [EntityTypes.Name] = new(5, 3, 0, 0) });

        var json = PhiReportJson.Serialize(report);
        var root = JsonDocument.Parse(json).RootElement;

        Assert.DoesNotContain('\n', json);
        Assert.Equal(0.75, root.GetProperty("recall").GetDouble());
        Assert.Equal(0.5, root.GetProperty("precision").GetDouble());
        Assert.Equal(0.6, root.GetProperty("f1").GetDouble());
        Assert.Equal(2, root.GetProperty("documents").GetInt32());
        Assert.Equal(40, root.GetProperty("tokens").GetInt32());
        Assert.Equal(8, root.GetProperty("gold_tokens").GetInt32());
        var name = root.GetProperty("per_type").GetProperty("NAME");
        Assert.Equal(0.6, name.GetProperty("recall").GetDouble());
        Assert.Equal(1.0, name.GetProperty("precision").GetDouble());
        Assert.Equal(0.75, name.GetProperty("f1").GetDouble());
        Assert.Equal(5, name.GetProperty("support").GetInt32());
        Assert.Equal(2, root.GetProperty("per_type").EnumerateObject().Count());
    }

    [Fact]
    public void Rates_are_rounded_to_four_decimals()
    {
        var report = new PhiEvaluationReport(1, 3, 9, 0.5, new TokenCounts(3, 1, 1, 1), new Dictionary<string, TokenCounts>());

        var root = JsonDocument.Parse(PhiReportJson.Serialize(report)).RootElement;

        Assert.Equal(0.3333, root.GetProperty("recall").GetDouble());
        Assert.Equal(0.5, root.GetProperty("f1").GetDouble());
    }
}
