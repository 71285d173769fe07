using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Caduceus.TestModel.Tests;

public sealed class TestModelServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Port_zero_binds_a_free_loopback_port_and_reports_the_actual_address()
    {
        await using var running = await TestModels.StartAsync();

        Assert.Equal("127.0.0.1", running.BaseAddress.Host);
        Assert.NotEqual(0, running.BaseAddress.Port);
        Assert.Equal("/", running.BaseAddress.AbsolutePath);
        Assert.Equal(new Uri(running.BaseAddress, "v1/"), running.ApiBaseAddress);

        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(running.ApiBaseAddress, "models"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Two_servers_on_port_zero_get_different_ports()
    {
        await using var first = await TestModels.StartAsync();
        await using var second = await TestModels.StartAsync();

        Assert.NotEqual(first.BaseAddress.Port, second.BaseAddress.Port);
    }

    [Fact]
    public async Task Script_path_is_loaded_and_its_rules_answer()
    {
        using var file = new TempScriptFile("""{ "rules": [ { "match": "ping", "reply": "pong" } ] }""");
        await using var running = await TestModelServer.StartAsync(new TestModelOptions { Urls = TestModels.LoopbackAnyPort, ScriptPath = file.Path }, Ct);
        using var http = new HttpClient { BaseAddress = running.ApiBaseAddress };

        using var response = await http.PostAsJsonAsync("chat/completions", new { messages = new[] { new { role = "user", content = "ping" } } }, Ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal("pong", body.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Example_script_from_the_readme_loads_and_answers()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Examples", "clinic-attacks.json");
        await using var running = await TestModelServer.StartAsync(new TestModelOptions { Urls = TestModels.LoopbackAnyPort, ScriptPath = path }, Ct);
        using var http = new HttpClient { BaseAddress = running.ApiBaseAddress };

        using var response = await http.PostAsJsonAsync("chat/completions", new { messages = new[] { new { role = "user", content = "Summarize the chart" } } }, Ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Contains("123-45-6789", body.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_script_file_fails_start_with_a_message_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"caduceus-missing-{Guid.NewGuid():N}.json");

        var ex = await Assert.ThrowsAsync<TestModelScriptException>(() =>
            TestModelServer.StartAsync(new TestModelOptions { Urls = TestModels.LoopbackAnyPort, ScriptPath = path }, Ct));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_in_code_script_fails_start()
    {
        var script = new TestModelScript { Rules = { new TestModelRule { Match = "(" } } };

        var ex = await Assert.ThrowsAsync<TestModelScriptException>(() => TestModels.StartAsync(script));

        Assert.Contains("(in-code script)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rules[0].match", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_both_a_script_path_and_a_script_is_rejected()
    {
        var options = new TestModelOptions { Urls = TestModels.LoopbackAnyPort, ScriptPath = "x.json", Script = new TestModelScript() };

        await Assert.ThrowsAsync<ArgumentException>(() => TestModelServer.StartAsync(options, Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ; ")]
    [InlineData("127.0.0.1:0")]
    [InlineData("https://127.0.0.1:0")]
    public async Task Invalid_urls_are_rejected_before_starting(string urls)
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => TestModelServer.StartAsync(new TestModelOptions { Urls = urls }, Ct));

        Assert.Contains("TestModelOptions.Urls", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Port_in_use_fails_start_with_an_io_exception()
    {
        await using var first = await TestModels.StartAsync();

        var ex = await Assert.ThrowsAsync<IOException>(() =>
            TestModelServer.StartAsync(new TestModelOptions { Urls = $"http://127.0.0.1:{first.BaseAddress.Port}" }, Ct));

        Assert.Contains($"127.0.0.1:{first.BaseAddress.Port}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wildcard_address_reports_a_loopback_base_address()
    {
        await using var running = await TestModelServer.StartAsync(new TestModelOptions { Urls = "http://0.0.0.0:0" }, Ct);

        Assert.Equal("127.0.0.1", running.BaseAddress.Host);
    }

    [Fact]
    public async Task Script_changes_after_start_do_not_change_the_running_server()
    {
        var script = new TestModelScript { Rules = { new TestModelRule { Reply = "first" } } };
        await using var running = await TestModels.StartAsync(script);
        script.Rules[0].Reply = "second";
        using var http = new HttpClient { BaseAddress = running.ApiBaseAddress };

        using var response = await http.PostAsJsonAsync("chat/completions", new { messages = new[] { new { role = "user", content = "x" } } }, Ct);

        Assert.Contains("\"first\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_stops_the_server()
    {
        var running = await TestModels.StartAsync();
        var models = new Uri(running.ApiBaseAddress, "models");
        await running.DisposeAsync();
        await running.DisposeAsync();

        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(models, Ct));
    }

    [Fact]
    public async Task WaitForShutdownAsync_stops_the_server_when_its_token_is_cancelled()
    {
        await using var running = await TestModels.StartAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var waiting = running.WaitForShutdownAsync(stop.Token);
        Assert.False(waiting.IsCompleted);
        await stop.CancelAsync();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(running.ApiBaseAddress, "models"), Ct));
    }

    [Fact]
    public async Task Slow_stream_in_flight_ends_promptly_when_the_server_stops()
    {
        var script = new TestModelScript { Rules = { new TestModelRule { ChunkDelayMs = 600_000 } } };
        var running = await TestModels.StartAsync(script);
        using var http = new HttpClient { BaseAddress = running.ApiBaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "chat/completions")
        {
            Content = JsonContent.Create(new { stream = true, messages = new[] { new { role = "user", content = "x" } } }),
        };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        Assert.StartsWith("data: ", await reader.ReadLineAsync(Ct), StringComparison.Ordinal);

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await running.DisposeAsync();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"Stopping took {stopwatch.Elapsed}.");
        await Assert.ThrowsAnyAsync<IOException>(() => reader.ReadToEndAsync(Ct));
    }
}
