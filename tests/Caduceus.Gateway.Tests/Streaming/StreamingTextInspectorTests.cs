using System.Text;
using Caduceus.Detection;
using Caduceus.Detection.Anonymization;
using Caduceus.Gateway.Streaming;
using Caduceus.Policy;

namespace Caduceus.Gateway.Tests.Streaming;

public sealed class StreamingTextInspectorTests
{
    private const string Answer = "Thanks. Your callback is (415) 555-0132, SSN on file 536-22-1843, and we emailed pat.doe@example.com today. MRN: 00482913 is your chart.";

    private static readonly string[] Secrets = ["555", "0132", "536", "1843", "pat.doe", "example.com", "00482913"];

    private static readonly TextAnalyzer Analyzer = TextAnalyzer.CreateDefault();

    public static TheoryData<int> ChunkSizes => [1, 2, 3, 5, 7, 11, 16, 64, Answer.Length];

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public void Streamed_redaction_equals_whole_text_redaction_for_any_chunking(int chunkSize)
    {
        var inspector = new StreamingTextInspector(Analyzer, new ApplicationPolicy().Response);
        var released = new List<string>();

        for (var i = 0; i < Answer.Length; i += chunkSize)
        {
            released.Add(inspector.Push(Answer.Substring(i, Math.Min(chunkSize, Answer.Length - i))));
        }

        released.Add(inspector.Flush());

        var whole = Analyzer.Analyze(new DetectionInput(Answer, TextSource.ModelOutput));
        var expected = RedactOperator.Apply(Answer, PolicyEvaluator.Decide(new ApplicationPolicy().Response, whole).TransformedFindings);
        Assert.Equal(expected, string.Concat(released));
        Assert.DoesNotContain(released, piece => Secrets.Any(secret => piece.Contains(secret, StringComparison.Ordinal)));
    }

    [Fact]
    public void Releases_plain_words_before_the_answer_ends()
    {
        var inspector = new StreamingTextInspector(Analyzer, new ApplicationPolicy().Response);

        var first = inspector.Push("Your appointment is confirmed ");

        Assert.Equal("Your appointment is confirmed ", first);
    }

    [Fact]
    public void Stops_releasing_when_policy_blocks()
    {
        var policy = new ApplicationPolicy().Response;
        policy.Entities[EntityTypes.Ssn] = PolicyAction.Block;
        var inspector = new StreamingTextInspector(Analyzer, policy);
        var released = new StringBuilder();

        foreach (var piece in new[] { "Your number ", "is 536-", "22-1843 and ", "more text follows here " })
        {
            released.Append(inspector.Push(piece));
        }

        released.Append(inspector.Flush());

        Assert.Equal("Your number is ", released.ToString());
        Assert.Equal(RefusalCodes.PhiBlocked, inspector.RefusalCode);
    }
}
