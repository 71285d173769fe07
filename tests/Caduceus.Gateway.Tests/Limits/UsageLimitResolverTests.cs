using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Limits;

namespace Caduceus.Gateway.Tests.Limits;

public sealed class UsageLimitResolverTests
{
    private static readonly UsageLimitsOptions Options = new()
    {
        RequestsPerMinute = 60,
        TokensPerHour = 1000,
        Roles =
        {
            ["clinician"] = new UsageLimitOverrides { RequestsPerMinute = 120 },
            ["billing"] = new UsageLimitOverrides { RequestsPerMinute = 90, TokensPerHour = 5000 },
        },
    };

    [Fact]
    public void A_caller_with_several_roles_gets_the_most_generous_value_of_each_setting()
    {
        var limits = new UsageLimitResolver(Options).For(new ApplicationOptions(), ["billing", "clinician"]);

        Assert.Equal(120, limits.RequestsPerMinute);
        Assert.Equal(5000, limits.TokensPerHour);
        Assert.Equal(Options.TokensPerDay, limits.TokensPerDay);
    }

    [Fact]
    public void The_application_s_override_wins_over_the_role_s()
    {
        var application = new ApplicationOptions { Limits = new UsageLimitOverrides { RequestsPerMinute = 10 } };

        var limits = new UsageLimitResolver(Options).For(application, ["clinician"]);

        Assert.Equal(10, limits.RequestsPerMinute);
    }

    [Fact]
    public void A_caller_without_overrides_gets_the_defaults()
    {
        var limits = new UsageLimitResolver(new UsageLimitsOptions()).For(new ApplicationOptions(), ["service"]);

        Assert.Equal(new UsageLimits(60, 200_000, 1_000_000, 8192), limits);
    }
}
