using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Caduceus.Gateway.Tests.Infrastructure;

/// <summary>Small requests the key and admin tests send again and again.</summary>
internal static class Requests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> ChatAsync(HttpClient client) =>
        client.PostAsync("v1/chat/completions", Json("""{"messages":[{"role":"user","content":"hello"}]}"""), Cancel);

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>Chats until the status is <paramref name="expected"/>; fails if that takes longer than <paramref name="within"/>.</summary>
    public static async Task<HttpResponseMessage> ChatUntilAsync(HttpClient client, HttpStatusCode expected, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await ChatAsync(client);
            if (response.StatusCode == expected)
            {
                return response;
            }

            response.Dispose();
            Assert.True(clock.Elapsed < within, $"still no {(int)expected} after {clock.Elapsed.TotalMilliseconds:0} ms");
            await Task.Delay(25, Cancel);
        }
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();
}
