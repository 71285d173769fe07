using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Keys;

namespace Caduceus.Gateway.Tests.Keys;

public sealed class KeyInputTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("30d", 30 * 24 * 60)]
    [InlineData("12h", 12 * 60)]
    [InlineData("15m", 15)]
    [InlineData("90s", 1.5)]
    [InlineData(" 2D ", 2 * 24 * 60)]
    public void Reads_durations_operators_write(string text, double minutes)
    {
        Assert.True(DurationText.TryParse(text, out var duration, out _));
        Assert.Equal(TimeSpan.FromMinutes(minutes), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("d")]
    [InlineData("0d")]
    [InlineData("-1d")]
    [InlineData("1w")]
    [InlineData("1.5d")]
    [InlineData("3651d")]
    [InlineData("99999999999999999999d")]
    public void Refuses_what_is_not_a_positive_duration(string text)
    {
        Assert.False(DurationText.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Builds_a_new_key_from_valid_input()
    {
        Assert.True(NewApiKeyInput.TryCreate(Options(), "DEFAULT", ["clinician,admin"], " laptop ", "30d", Now, out var key, out _));

        Assert.Equal("default", key.Application);
        Assert.Equal(["clinician", "admin"], key.Roles);
        Assert.Equal("laptop", key.Label);
        Assert.Equal(Now.AddDays(30), key.ExpiresAt);
    }

    [Theory]
    [InlineData("portal", "clinician", null, null, "no application named 'portal'")]
    [InlineData(null, "clinician", null, null, "an application is required")]
    [InlineData("default", "doctor", null, null, "unknown role 'doctor'")]
    [InlineData("default", "", null, null, "at least one role")]
    [InlineData("default", "clinician", "tab\there", null, "control characters")]
    [InlineData("default", "clinician", null, "soon", "expires-in")]
    public void Explains_what_is_wrong_with_invalid_input(string? application, string roles, string? label, string? expiresIn, string expected)
    {
        Assert.False(NewApiKeyInput.TryCreate(Options(), application, [roles], label, expiresIn, Now, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Grace_is_none_by_default_and_at_most_a_day()
    {
        Assert.True(RotationGrace.TryParse(null, out var none, out _));
        Assert.Equal(TimeSpan.Zero, none);
        Assert.True(RotationGrace.TryParse("24h", out var day, out _));
        Assert.Equal(TimeSpan.FromDays(1), day);
        Assert.False(RotationGrace.TryParse("25h", out _, out _));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("3650", true)]
    [InlineData("0", false)]
    [InlineData("3651", false)]
    [InlineData("-5", false)]
    [InlineData("ten", false)]
    [InlineData(null, false)]
    public void Unused_days_are_a_whole_number_from_one_to_ten_years(string? text, bool valid)
    {
        Assert.Equal(valid, UnusedKeys.TryParseDays(text, out _, out _));
    }

    private static GatewayOptions Options()
    {
        var options = new GatewayOptions();
        options.Applications["default"] = new ApplicationOptions();
        return options;
    }
}
