using System.Text;
using Caduceus.Detection;
using Caduceus.Detection.Anonymization;
using Caduceus.Gateway.Streaming;
using Caduceus.Gateway.Tests.Limits;
using Caduceus.Policy;

namespace Caduceus.Gateway.Tests.Streaming;

public sealed class StreamingTextInspectorBatchingTests
{
    private const string Answer = "Thanks. Your callback is (415) 555-0132, SSN on file 536-22-1843, and we emailed pat.doe@example.com today. MRN: 00482913 is your chart.";

    private static readonly string[] Secrets = ["555", "0132", "536", "1843", "pat.doe", "example.com", "00482913"];

    private static readonly TextAnalyzer Analyzer = TextAnalyzer.CreateDefault();

    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(150);

    public static TheoryData<int, int> ChunkAndBatchSizes
    {
        get
        {
            var data = new TheoryData<int, int>();
            foreach (var batch in new[] { 1, 10, 37, 100 })
            {
                foreach (var chunk in new[] { 1, 3, 7, 16, 64 })
                {
                    data.Add(chunk, batch);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ChunkAndBatchSizes))]
    public void Batched_redaction_equals_whole_text_redaction_for_any_chunking(int chunkSize, int batchCharacters)
    {
        var clock = new ManualClock();
        var inspector = Inspector(new ApplicationPolicy().Response, clock, batchCharacters);
        var released = new List<string>();

        for (var i = 0; i < Answer.Length; i += chunkSize)
        {
            released.Add(inspector.Push(Answer.Substring(i, Math.Min(chunkSize, Answer.Length - i))));
            clock.Advance(TimeSpan.FromMilliseconds(20));
            released.Add(inspector.ReleaseDue());
        }

        released.Add(inspector.Flush());

        var whole = Analyzer.Analyze(new DetectionInput(Answer, TextSource.ModelOutput));
        var expected = RedactOperator.Apply(Answer, PolicyEvaluator.Decide(new ApplicationPolicy().Response, whole).TransformedFindings);
        Assert.Equal(expected, string.Concat(released));
        Assert.DoesNotContain(released, piece => Secrets.Any(secret => piece.Contains(secret, StringComparison.Ordinal)));
    }

    [Fact]
    public void Holds_text_until_the_batch_reaches_its_size()
    {
        var inspector = Inspector(new ApplicationPolicy().Response, new ManualClock(), batchCharacters: 40);

        var first = inspector.Push("Your appointment is ");
        var second = inspector.Push("confirmed for Tuesday morning ");

        Assert.Equal(string.Empty, first);
        Assert.Equal("Your appointment is confirmed for Tuesday morning ", second);
    }

    [Fact]
    public void Releases_a_small_batch_once_its_oldest_text_has_waited_the_delay()
    {
        var clock = new ManualClock();
        var inspector = Inspector(new ApplicationPolicy().Response, clock, batchCharacters: 100);

        Assert.Equal(string.Empty, inspector.Push("Your appointment "));
        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(string.Empty, inspector.Push("is confirmed "));
        Assert.Equal(TimeSpan.FromMilliseconds(50), inspector.TimeUntilDue);
        Assert.Equal(string.Empty, inspector.ReleaseDue());

        clock.Advance(TimeSpan.FromMilliseconds(50));

        Assert.Equal("Your appointment is confirmed ", inspector.ReleaseDue());
        Assert.Null(inspector.TimeUntilDue);
    }

    [Fact]
    public void Redacts_an_ssn_split_across_two_batches()
    {
        var clock = new ManualClock();
        var inspector = Inspector(new ApplicationPolicy().Response, clock, batchCharacters: 20);
        var released = new StringBuilder();

        // The first batch ends inside the number: the holdback keeps its digits for the next batch.
        released.Append(inspector.Push("The SSN on file is 536-2"));
        released.Append(inspector.Push("2-1843 and nothing else is on file here. "));
        released.Append(inspector.Flush());

        Assert.Equal("The SSN on file is [SSN] and nothing else is on file here. ", released.ToString());
    }

    [Fact]
    public void Stops_releasing_when_policy_blocks_a_batch_released_by_time()
    {
        var policy = new ApplicationPolicy().Response;
        policy.Entities[EntityTypes.Ssn] = PolicyAction.Block;
        var clock = new ManualClock();
        var inspector = Inspector(policy, clock, batchCharacters: 100);

        Assert.Equal(string.Empty, inspector.Push("Your number is 536-22-1843 as noted. "));
        clock.Advance(Delay);

        Assert.Equal(string.Empty, inspector.ReleaseDue());
        Assert.Equal(RefusalCodes.PhiBlocked, inspector.RefusalCode);
        Assert.Null(inspector.TimeUntilDue);
        Assert.Equal(string.Empty, inspector.Flush());
    }

    private static StreamingTextInspector Inspector(DirectionPolicy policy, ManualClock clock, int batchCharacters) =>
        new(Analyzer, policy, batch: new StreamInspectionBatch(batchCharacters, Delay, clock));
}
