using Caduceus.Gateway.Keys;
using Caduceus.Identity;
using Microsoft.Extensions.Logging.Abstractions;

namespace Caduceus.Gateway.Tests.Keys;

public sealed class ApiKeyUsageRecorderTests : IDisposable
{
    private readonly KeyStoreFixture _fixture = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Writes_a_keys_last_use_at_most_once_per_interval()
    {
        var recorder = new ApiKeyUsageRecorder(_fixture.Store, _fixture.Clock, NullLogger<ApiKeyUsageRecorder>.Instance);
        var issued = await _fixture.Store.CreateAsync(new NewApiKey("default", [CallerRoles.Service]), Cancel);
        var first = _fixture.Clock.GetUtcNow();

        await recorder.RecordAsync(issued.Record.Id);
        _fixture.Clock.Advance(ApiKeyUsageRecorder.WriteInterval - TimeSpan.FromSeconds(1));
        await recorder.RecordAsync(issued.Record.Id);
        Assert.Equal(first, await LastUsedAsync(issued.Record.Id));

        _fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await recorder.RecordAsync(issued.Record.Id);
        Assert.Equal(_fixture.Clock.GetUtcNow(), await LastUsedAsync(issued.Record.Id));
    }

    [Fact]
    public async Task Throttles_each_key_on_its_own()
    {
        var recorder = new ApiKeyUsageRecorder(_fixture.Store, _fixture.Clock, NullLogger<ApiKeyUsageRecorder>.Instance);
        var one = await _fixture.Store.CreateAsync(new NewApiKey("default", [CallerRoles.Service]), Cancel);
        var two = await _fixture.Store.CreateAsync(new NewApiKey("default", [CallerRoles.Service]), Cancel);

        await recorder.RecordAsync(one.Record.Id);
        _fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        await recorder.RecordAsync(two.Record.Id);

        Assert.Equal(_fixture.Clock.GetUtcNow(), await LastUsedAsync(two.Record.Id));
    }

    private async Task<DateTimeOffset?> LastUsedAsync(string id) => (await _fixture.Store.GetAsync(id, Cancel))!.LastUsedAt;
}
