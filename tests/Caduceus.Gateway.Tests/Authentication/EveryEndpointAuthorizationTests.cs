using System.Net;
using System.Net.Http.Headers;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.Tests.Authentication;

/// <summary>
/// Deny by default, checked on whatever the host maps, not on a list kept by hand: every endpoint that is not
/// explicitly anonymous refuses a request without credentials (401) and one whose key has a role it does not allow (403).
/// </summary>
public sealed class EveryEndpointAuthorizationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_endpoint_refuses_no_credentials_with_401_and_a_wrong_role_with_403()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var endpoints = await ProtectedEndpointsAsync(harness.Services);
        Assert.True(endpoints.Count >= 8, $"only {endpoints.Count} endpoints found");
        using var anonymous = harness.AnonymousHttp();
        var checkedPairs = new List<string>();

        foreach (var (method, path, allowedRoles) in endpoints)
        {
            using var withoutKey = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Cancel);
            Assert.True(withoutKey.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} without credentials gave {(int)withoutKey.StatusCode}");

            var wrongRole = CallerRoles.All.FirstOrDefault(role => !allowedRoles.Contains(role));
            Assert.True(wrongRole is not null, $"{method} {path} allows every role: nothing is denied by default");
            var key = await harness.CreateKeyAsync(wrongRole!);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
            using var withWrongRole = await anonymous.SendAsync(request, Cancel);
            Assert.True(withWrongRole.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} with role {wrongRole} gave {(int)withWrongRole.StatusCode}");
            checkedPairs.Add($"{method} {path}");
        }

        Assert.Contains("POST /v1/chat/completions", checkedPairs);
        Assert.Contains(checkedPairs, p => p.StartsWith("DELETE /admin/keys/", StringComparison.Ordinal));
    }

    // Each mapped route and method with the roles its policies allow; anonymous endpoints (health checks) are left out.
    private static async Task<List<(string Method, string Path, IReadOnlyCollection<string> Roles)>> ProtectedEndpointsAsync(IServiceProvider services)
    {
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var result = new List<(string, string, IReadOnlyCollection<string>)>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                continue;
            }

            var roles = new HashSet<string>(CallerRoles.All, StringComparer.Ordinal);
            foreach (var data in endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>())
            {
                var policy = data.Policy is null ? await policies.GetDefaultPolicyAsync() : await policies.GetPolicyAsync(data.Policy);
                foreach (var requirement in policy!.Requirements.OfType<RolesAuthorizationRequirement>())
                {
                    roles.IntersectWith(requirement.AllowedRoles);
                }
            }

            var path = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment =>
                string.Concat(segment.Parts.Select(part => part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                    _ => "key_0000000000000000",
                }))));
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                result.Add((method, path.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/", roles));
            }
        }

        return result;
    }
}
