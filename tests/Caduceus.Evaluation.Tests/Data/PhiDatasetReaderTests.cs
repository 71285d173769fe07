using Caduceus.Evaluation.Data;

namespace Caduceus.Evaluation.Tests.Data;

public sealed class PhiDatasetReaderTests
{
    [Fact]
    public void Reads_text_spans_and_source()
    {
        var document = PhiDatasetReader.Parse(
            """{"text": "Call Ana at 555-234-5678", "spans": [{"start": 12, "end": 24, "type": "PHONE"}, {"start": 5, "end": 8, "type": "NAME"}], "source": "set#7"}""",
            "set.jsonl",
            3);

        Assert.Equal("set#7", document.Id);
        Assert.Equal(3, document.LineNumber);
        Assert.Equal([new GoldSpan(5, 8, "NAME"), new GoldSpan(12, 24, "PHONE")], document.Spans);
    }

    [Fact]
    public void Converts_code_point_offsets_after_an_emoji_to_utf16()
    {
        // Python counts "🙂" as one character: "Ana" starts at code point 5, UTF-16 index 6.
        var document = PhiDatasetReader.Parse("""{"text": "Hi 🙂 Ana", "spans": [{"start": 5, "end": 8, "type": "NAME"}]}""", "x.jsonl", 1);

        var span = Assert.Single(document.Spans);
        Assert.Equal((6, 9), (span.Start, span.End));
        Assert.Equal("Ana", document.Text[span.Start..span.End]);
    }

    [Fact]
    public void Falls_back_to_file_and_line_when_there_is_no_source()
    {
        var document = PhiDatasetReader.Parse("""{"text": "nothing here", "spans": []}""", "x.jsonl", 12);

        Assert.Equal("x.jsonl#12", document.Id);
        Assert.Empty(document.Spans);
    }

    [Theory]
    [InlineData("""{"text": "abc", "spans": [""", "not valid JSON")]
    [InlineData("""["text"]""", "not a JSON object")]
    [InlineData("""{"spans": []}""", "no string field 'text'")]
    [InlineData("""{"text": "abc"}""", "no array field 'spans'")]
    [InlineData("""{"text": "abc", "spans": [{"start": 1, "end": 9, "type": "NAME"}]}""", "out of range")]
    [InlineData("""{"text": "a🙂c", "spans": [{"start": 0, "end": 4, "type": "NAME"}]}""", "out of range")]
    [InlineData("""{"text": "abc", "spans": [{"start": 2, "end": 2, "type": "NAME"}]}""", "empty or reversed")]
    [InlineData("""{"text": "abc", "spans": [{"start": -1, "end": 2, "type": "NAME"}]}""", "negative 'start'")]
    [InlineData("""{"text": "abc", "spans": [{"start": 0, "end": 2, "type": "PERSON"}]}""", "not a PHI entity type")]
    [InlineData("""{"text": "abc", "spans": [{"start": "0", "end": 2, "type": "NAME"}]}""", "no integer 'start'")]
    public void Bad_lines_name_the_file_line_and_problem(string line, string problem)
    {
        var exception = Assert.Throws<DatasetFormatException>(() => PhiDatasetReader.Parse(line, "gold.jsonl", 41));

        Assert.StartsWith("gold.jsonl line 41: ", exception.Message, StringComparison.Ordinal);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_errors_do_not_quote_the_line()
    {
        var exception = Assert.Throws<DatasetFormatException>(() => PhiDatasetReader.Parse("""{"text": "SSN 536-22-1843" oops}""", "gold.jsonl", 1));

        Assert.DoesNotContain("536", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("oops", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_file_skipping_blank_lines_and_counting_them()
    {
        using var file = TempFile.WithLines("d.jsonl", """{"text": "a", "spans": []}""", string.Empty, """{"text": "b", "spans": []}""");

        var documents = PhiDatasetReader.ReadFile(file.Path);

        Assert.Equal(["d.jsonl#1", "d.jsonl#3"], documents.Select(d => d.Id));
    }

    [Fact]
    public void A_repeated_source_is_an_error_naming_both_lines()
    {
        using var file = TempFile.WithLines("d.jsonl", """{"text": "a", "spans": [], "source": "s1"}""", """{"text": "b", "spans": [], "source": "s1"}""");

        var exception = Assert.Throws<DatasetFormatException>(() => PhiDatasetReader.ReadFile(file.Path));

        Assert.Equal("d.jsonl line 2: source 's1' already appears on line 1", exception.Message);
    }

    [Fact]
    public void A_missing_file_is_a_format_error()
    {
        var exception = Assert.Throws<DatasetFormatException>(() => PhiDatasetReader.ReadFile("/nonexistent/gold.jsonl"));

        Assert.Contains("/nonexistent/gold.jsonl", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_output_reads_back_with_the_same_spans_after_an_emoji()
    {
        var document = new PhiDocument("id-1", "x", 0, "🙂🙂 Ana Díaz 555-234-5678", [new GoldSpan(5, 13, "NAME"), new GoldSpan(14, 26, "PHONE")]);
        using var buffer = new MemoryStream();

        PhiDatasetWriter.WriteLine(buffer, document, "portal_message");
        var line = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        var read = PhiDatasetReader.Parse(line.TrimEnd('\n'), "x", 1);

        Assert.EndsWith("\n", line, StringComparison.Ordinal);
        Assert.Contains("\"start\":3,\"end\":11", line, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"portal_message\"", line, StringComparison.Ordinal);
        Assert.Equal(document.Spans, read.Spans);
        Assert.Equal(document.Text, read.Text);
        Assert.Equal("id-1", read.Id);
    }
}
