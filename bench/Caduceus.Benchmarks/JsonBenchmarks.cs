using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Caduceus.Bench;

namespace Caduceus.Benchmarks;

/// <summary>
/// The JSON work of one non-streaming exchange as the pipeline does it: the request body parsed into a mutable
/// <see cref="JsonNode"/> tree and written again for the upstream, the answer parsed and written again for the client.
/// </summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private readonly MemoryStream _output = new();
    private byte[] _request = [];
    private byte[] _answer = [];

    [GlobalSetup]
    public void Setup()
    {
        _request = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["model"] = "caduceus-test-model",
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = SamplePrompts.ClinicalQuestionWithoutPhi }),
            ["stream"] = false,
        });
        _answer = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["id"] = "chatcmpl-bench0000000000000000000000",
            ["object"] = "chat.completion",
            ["created"] = 1_767_225_600,
            ["model"] = "caduceus-test-model",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = "Echo: " + SamplePrompts.ClinicalQuestionWithoutPhi, ["refusal"] = null },
                ["logprobs"] = null,
                ["finish_reason"] = "stop",
            }),
        });
    }

    [Benchmark(Description = "Request: JsonNode parse + read texts + write")]
    public long Request_round_trip() => RoundTrip(_request, static root => root["messages"]![0]!["content"]!.GetValue<string>().Length);

    [Benchmark(Description = "Answer: JsonNode parse + read content + write")]
    public long Answer_round_trip() => RoundTrip(_answer, static root => root["choices"]![0]!["message"]!["content"]!.GetValue<string>().Length);

    private long RoundTrip(byte[] json, Func<JsonNode, int> read)
    {
        var root = JsonNode.Parse(json)!;
        var length = read(root);
        _output.SetLength(0);
        using (var writer = new Utf8JsonWriter(_output))
        {
            root.WriteTo(writer);
        }

        return _output.Length + length;
    }
}
