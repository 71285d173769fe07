using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Caduceus.Bench;
using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Forwarding;
using Caduceus.Gateway.Hosting;
using Caduceus.Gateway.Models;
using Caduceus.Gateway.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caduceus.Benchmarks;

/// <summary>
/// One chat request through the gateway's whole in-process pipeline (size limit, parse, message limit, input
/// inspection, forward, answer inspection, response written), with the real DI container and upstream HttpClient
/// (including its resilience handler) but an in-memory upstream. Kestrel, authentication and the socket are not
/// included: the load test measures those.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const string KeyId = "key_0123456789abcdef";
    private static readonly string Answer = "Echo: " + SamplePrompts.ClinicalQuestionWithoutPhi;

    private readonly ClaimsPrincipal _caller = new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, KeyId),
            new Claim(CallerClaims.KeyId, KeyId),
            new Claim(CallerClaims.Application, GatewayOptions.DefaultApplicationName),
        ],
        ApiKeyAuthenticationDefaults.Scheme));

    private readonly CannedUpstream _upstream = new(Answer);
    private string _dataDirectory = "";
    private ServiceProvider _services = null!;
    private ChatPipeline _pipeline = null!;
    private GatewayOptions _options = null!;
    private byte[] _body = [];
    private UpstreamClient _upstreamClient = null!;
    private JsonObject _parsedBody = null!;

    [GlobalSetup(Targets = [nameof(Complete_2KB_without_phi)])]
    public Task SetupCompleteWithoutPhi() => SetupAsync(SamplePrompts.ClinicalQuestionWithoutPhi, stream: false);

    [GlobalSetup(Targets = [nameof(Complete_2KB_with_phi_redacted)])]
    public Task SetupCompleteWithPhi() => SetupAsync(SamplePrompts.PortalMessageWithPhi, stream: false);

    [GlobalSetup(Targets = [nameof(Stream_2KB_without_phi_40_chunks)])]
    public Task SetupStreamWithoutPhi() => SetupAsync(SamplePrompts.ClinicalQuestionWithoutPhi, stream: true);

    [GlobalSetup(Targets = [nameof(Stream_2KB_without_phi_40_chunks_inspected_per_delta)])]
    public Task SetupStreamInspectedPerDelta() => SetupAsync(SamplePrompts.ClinicalQuestionWithoutPhi, stream: true, new() { ["StreamInspection:BatchCharacters"] = "0" });

    [GlobalSetup(Targets = [nameof(Upstream_call_only)])]
    public async Task SetupUpstreamOnly()
    {
        await SetupAsync(SamplePrompts.ClinicalQuestionWithoutPhi, stream: false);
        _upstreamClient = _services.GetRequiredService<UpstreamClient>();
        _parsedBody = JsonNode.Parse(_body)!.AsObject();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "Non-streaming, 2 KB, no PHI")]
    public ValueTask<int> Complete_2KB_without_phi() => RunAsync();

    [Benchmark(Description = "Non-streaming, 2 KB, PHI redacted")]
    public ValueTask<int> Complete_2KB_with_phi_redacted() => RunAsync();

    [Benchmark(Description = "Streaming, 2 KB, no PHI, 40 chunks")]
    public ValueTask<int> Stream_2KB_without_phi_40_chunks() => RunAsync();

    /// <summary>The same stream with batching off (<c>StreamInspection:BatchCharacters</c> 0): every detector on every delta.</summary>
    [Benchmark(Description = "Streaming, 2 KB, no PHI, 40 chunks, inspected per delta")]
    public ValueTask<int> Stream_2KB_without_phi_40_chunks_inspected_per_delta() => RunAsync();

    /// <summary>The forward step alone: body serialized, HttpClient from the factory, resilience handler, canned answer read.</summary>
    [Benchmark(Description = "Upstream call only (serialize + HttpClient + resilience)")]
    public async Task<long> Upstream_call_only()
    {
        using var response = await _upstreamClient.SendChatAsync(_options.Applications[GatewayOptions.DefaultApplicationName].Upstream, _parsedBody, CancellationToken.None);
        var answer = await response.Content.ReadAsByteArrayAsync();
        return answer.Length;
    }

    private async ValueTask<int> RunAsync()
    {
        var context = NewContext();
        await RunAsync(context);
        return context.Response.StatusCode;
    }

    // What ChatCompletionsEndpoint does once authentication has put the caller on the context.
    private ValueTask RunAsync(HttpContext context)
    {
        var applicationName = CallerClaims.ApplicationOf(context.User)!;
        var exchange = new ChatExchange(context, applicationName, _options.Applications[applicationName], CallerClaims.KeyIdOf(context.User)!);
        return _pipeline.RunAsync(exchange);
    }

    private DefaultHttpContext NewContext()
    {
        var context = new DefaultHttpContext { RequestServices = _services, User = _caller };
        var request = context.Request;
        request.Method = HttpMethods.Post;
        request.Scheme = "http";
        request.Host = new HostString("127.0.0.1", 8080);
        request.Path = "/v1/chat/completions";
        request.ContentType = "application/json";
        request.ContentLength = _body.Length;
        request.Body = new MemoryStream(_body, writable: false);
        context.Response.Body = new MemoryStream();
        return context;
    }

    private async Task SetupAsync(string prompt, bool stream, Dictionary<string, string?>? settings = null)
    {
        _dataDirectory = Directory.CreateTempSubdirectory("caduceus-bench-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DataDirectory"] = _dataDirectory,
                [$"Applications:{GatewayOptions.DefaultApplicationName}:Upstream:BaseUrl"] = "http://upstream.invalid/v1",

                // One key sends every measured request: the limits stay in the pipeline but never refuse.
                ["Limits:RequestsPerMinute"] = "1000000",
                ["Limits:TokensPerHour"] = "1000000000000",
                ["Limits:TokensPerDay"] = "1000000000000",
            })
            .AddInMemoryCollection(settings ?? [])
            .Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCaduceusGateway(configuration);
        // Registered after the gateway's own handler, so this one is the primary handler the factory builds.
        services.AddHttpClient(UpstreamClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(_upstream.CreateHandler);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        _pipeline = _services.GetRequiredService<ChatPipeline>();
        _options = _services.GetRequiredService<IOptions<GatewayOptions>>().Value;

        // Hosted services do not run here, so the first-start seed (the test model as the default) is written directly.
        var inventory = _services.GetRequiredService<IModelInventory>();
        foreach (var entry in ModelInventorySeeder.Entries(_options, DateOnly.FromDateTime(DateTime.UtcNow)))
        {
            await inventory.AddAsync(entry, CancellationToken.None);
        }

        _body = ChatRequestBodies.UserMessage(prompt, stream);
        _upstream.Streaming = stream;

        await CheckOneRequestAsync(prompt, stream);
    }

    /// <summary>One request before measuring, so a misconfigured set-up fails loudly instead of timing an error path.</summary>
    private async Task CheckOneRequestAsync(string prompt, bool stream)
    {
        var callsBefore = _upstream.Calls;
        _upstream.CaptureRequests = true;
        var context = NewContext();
        await RunAsync(context);
        _upstream.CaptureRequests = false;

        var response = Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        var failures = new List<string>();
        if (context.Response.StatusCode != StatusCodes.Status200OK)
        {
            failures.Add($"status {context.Response.StatusCode}");
        }

        if (_upstream.Calls != callsBefore + 1)
        {
            failures.Add($"{_upstream.Calls - callsBefore} upstream calls instead of 1");
        }

        if (stream)
        {
            var events = response.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
            if (context.Response.ContentType != "text/event-stream" || events.Length < CannedUpstream.StreamContentChunks || events[^1] != "data: [DONE]")
            {
                failures.Add($"not a complete event stream ({events.Length} events)");
            }
        }
        else
        {
            using var document = JsonDocument.Parse(response);
            var content = document.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
            if (content != Answer)
            {
                failures.Add("the answer is not the canned echo");
            }
        }

        var containsPhi = prompt != SamplePrompts.ClinicalQuestionWithoutPhi;
        var redactionEvent = context.Response.Headers.ContainsKey(GatewayErrors.EventIdHeader);
        if (containsPhi && (!redactionEvent || _upstream.LastRequestBody is null || _upstream.LastRequestBody.Contains("523-45-6789", StringComparison.Ordinal)))
        {
            failures.Add("the PHI prompt was not redacted before forwarding");
        }

        if (!containsPhi && redactionEvent)
        {
            failures.Add("the clean prompt raised a security event");
        }

        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"Pipeline set-up check failed: {string.Join("; ", failures)}. Response: {response}");
        }
    }

}
