using Caduceus.Gateway.Configuration;
using Caduceus.Policy;

namespace Caduceus.Gateway.Tests.Configuration;

public sealed class GatewayOptionsValidatorTests
{
    private static GatewayOptions Valid()
    {
        var options = new GatewayOptions();
        options.Applications["default"] = new ApplicationOptions { Upstream = new UpstreamOptions { BaseUrl = "http://127.0.0.1:8081/v1" } };
        return options;
    }

    [Fact]
    public void Accepts_the_defaults_with_an_upstream()
    {
        Assert.True(new GatewayOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Fact]
    public void Refuses_pseudonymizing_answers()
    {
        var options = Valid();
        options.Applications["default"].Policy.Response.Phi = PolicyAction.Pseudonymize;

        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Pseudonymize applies to requests only", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ftp://example.org/v1")]
    [InlineData("relative/v1")]
    public void Refuses_an_upstream_that_is_not_an_http_url(string? baseUrl)
    {
        var options = Valid();
        options.Applications["default"].Upstream.BaseUrl = baseUrl;

        Assert.True(new GatewayOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void Refuses_a_credential_variable_that_is_not_set()
    {
        var options = Valid();
        options.Applications["default"].Upstream.ApiKeyEnvironmentVariable = "CADUCEUS_TEST_SURELY_UNSET_VARIABLE";

        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.Contains("CADUCEUS_TEST_SURELY_UNSET_VARIABLE", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 10)]
    [InlineData(1024, 0)]
    public void Refuses_limits_out_of_range(long maxBytes, int maxMessages)
    {
        var options = Valid();
        options.Limits.MaxRequestBodyBytes = maxBytes;
        options.Limits.MaxMessages = maxMessages;

        Assert.True(new GatewayOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void Refuses_disabling_a_detector_that_does_not_exist_and_names_the_known_ones()
    {
        var options = Valid();
        options.Applications["default"].Detection.Disabled.AddRange(["PhiTagger", "MagicDetector"]);

        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("unknown detector(s) MagicDetector", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("InjectionClassifier", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("PhiTagger,", result.FailureMessage.Split("known:")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Enables_only_optional_detectors()
    {
        var options = Valid();
        options.Applications["default"].Detection.Enabled.Add("InjectionEmbeddingClassifier");
        Assert.False(new GatewayOptionsValidator().Validate(null, options).Failed);

        options.Applications["default"].Detection.Enabled.Add("PhiTagger");
        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("not optional: PhiTagger", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_injection_threshold_outside_0_to_1()
    {
        var options = Valid();
        options.Applications["default"].Policy.Request.InjectionMinimumScore = 1.5;

        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.Contains("InjectionMinimumScore must be between 0 and 1", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("surgeon", "treatment", "not a Caduceus role")]
    [InlineData("clinician", "research", "not a purpose of use")]
    [InlineData("clinician", "treatment", "not on Applications:default:Tools")]
    public void Refuses_an_access_matrix_with_unknown_roles_purposes_or_tools(string role, string purpose, string expected)
    {
        var options = Valid();
        options.Applications["default"].Access[role] = new() { [purpose] = new Caduceus.Gateway.Access.AccessGrant { Tools = ["delete_record"] } };

        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url", "caduceus", "absolute URL")]
    [InlineData("https://login.example.org", null, "Oidc:Audience is required")]
    public void Refuses_an_oidc_issuer_without_an_audience_or_url(string issuer, string? audience, string expected)
    {
        var options = Valid();
        options.Oidc.Issuer = issuer;
        options.Oidc.Audience = audience;

        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_client_certificates_without_a_thumbprint_allow_list()
    {
        var options = Valid();
        options.Tls.ClientCertificates = Caduceus.Gateway.Hosting.ClientCertificateRequirement.Require;

        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Tls:TrustedClientThumbprints", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mysql", null, 2190, "Audit:Store must be sqlite or postgres")]
    [InlineData("postgres", null, 2190, "Audit:ConnectionString is required")]
    [InlineData("postgres", "Host=db;Password=Secret-Pa55word;Bogus Key=1", 2190, "Audit:ConnectionString is not a valid PostgreSQL connection string")]
    [InlineData("sqlite", "Host=db;Password=Secret-Pa55word", 2190, "Audit:ConnectionString applies only when Audit:Store is postgres")]
    [InlineData("sqlite", null, 0, "Audit:RetentionDays must be at least 1")]
    [InlineData("sqlite", null, -5, "Audit:RetentionDays must be at least 1")]
    public void Refuses_a_bad_audit_store_naming_the_setting_and_never_echoing_the_connection_string(string store, string? connectionString, int retentionDays, string expected)
    {
        var options = Valid();
        options.Audit.Store = store;
        options.Audit.ConnectionString = connectionString;
        options.Audit.RetentionDays = retentionDays;

        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret-Pa55word", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_a_postgres_audit_store_with_a_connection_string()
    {
        var options = Valid();
        options.Audit.Store = "postgres";
        options.Audit.ConnectionString = "Host=127.0.0.1;Port=55432;Username=caduceus;Password=x";

        Assert.True(new GatewayOptionsValidator().Validate(null, options).Succeeded);
    }
}
