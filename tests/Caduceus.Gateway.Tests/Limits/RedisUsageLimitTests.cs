using System.Net;
using System.Net.Http.Headers;
using Caduceus.Events;
using Caduceus.Gateway.Tests.Anomaly;
using Caduceus.Gateway.Tests.Authentication;
using Caduceus.Gateway.Tests.Infrastructure;

namespace Caduceus.Gateway.Tests.Limits;

public sealed class RedisUsageLimitTests
{
    private const string Audience = "caduceus-gateway";

    [Fact]
    public async Task Two_gateways_sharing_redis_hold_one_combined_request_limit_for_one_identity()
    {
        // The same OIDC subject on both instances: one identity, whichever instance the load balancer picks.
        await using var issuer = await LocalIssuer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Oidc:Issuer"] = issuer.Issuer,
            ["Oidc:Audience"] = Audience,
            ["Oidc:RoleMap:Physician"] = "clinician",
            ["Limits:RequestsPerMinute"] = "4",
            ["Limits:Redis"] = TestRedis.Address,
            ["Limits:RedisKeyPrefix"] = TestRedis.FreshPrefix(),
        };
        await using var first = await GatewayHarness.StartAsync(settings: settings);
        await using var second = await GatewayHarness.StartAsync(settings: settings);
        var token = issuer.Token(Audience, new Dictionary<string, object> { ["sub"] = "user-4711", ["caduceus_app"] = "default", ["roles"] = new[] { "Physician" } });
        using var toFirst = WithToken(first, token);
        using var toSecond = WithToken(second, token);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await UsageLimitGatewayTests.ChatAsync(i % 2 == 0 ? toFirst : toSecond, "hello");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var refusal = Assert.Single(first.Events.Snapshot(), e => e.Type == SecurityEventTypes.LimitExceeded);
        Assert.Equal("oidc:user-4711", refusal.Principal);
        Assert.DoesNotContain(first.Events.Snapshot(), e => e.Type == SecurityEventTypes.LimitStoreUnavailable);
    }

    [Fact]
    public async Task Two_gateways_sharing_redis_hold_one_combined_token_budget()
    {
        await using var issuer = await LocalIssuer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Oidc:Issuer"] = issuer.Issuer,
            ["Oidc:Audience"] = Audience,
            ["Oidc:RoleMap:Physician"] = "clinician",
            ["Limits:TokensPerHour"] = "60",
            ["Limits:Redis"] = TestRedis.Address,
            ["Limits:RedisKeyPrefix"] = TestRedis.FreshPrefix(),
        };
        await using var first = await GatewayHarness.StartAsync(settings: settings);
        await using var second = await GatewayHarness.StartAsync(settings: settings);
        var token = issuer.Token(Audience, new Dictionary<string, object> { ["sub"] = "user-0815", ["caduceus_app"] = "default", ["roles"] = new[] { "Physician" } });
        using var toFirst = WithToken(first, token);
        using var toSecond = WithToken(second, token);

        // About 50 tokens each (a 100-character prompt and its echo): the first fits, the second would not.
        const string prompt = "Please tell me the opening hours of the clinic on weekdays, and whether it is open on Saturdays.";
        using var spent = await UsageLimitGatewayTests.ChatAsync(toFirst, prompt);
        using var refused = await UsageLimitGatewayTests.ChatAsync(toSecond, prompt);

        Assert.Equal(HttpStatusCode.OK, spent.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("token_budget_exceeded", (await Requests.BodyAsync(refused)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Unreachable_redis_falls_back_to_this_instance_s_own_limit_and_raises_one_event()
    {
        await using var harness = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Limits:RequestsPerMinute"] = "2",
            ["Limits:Redis"] = "127.0.0.1:1,connectTimeout=200",
        });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await UsageLimitGatewayTests.ChatAsync(harness.Http, "hello");
            statuses.Add(response.StatusCode);
        }

        // Neither fail closed (everything refused) nor fail open (nothing counted).
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var outage = Assert.Single(harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.LimitStoreUnavailable);
        Assert.Equal("redis_unreachable", outage.Code);
        Assert.Contains(harness.Logs.Lines, line => line.Contains("counts on its own", StringComparison.Ordinal));
    }

    private static HttpClient WithToken(GatewayHarness harness, string token)
    {
        var client = harness.AnonymousHttp();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
