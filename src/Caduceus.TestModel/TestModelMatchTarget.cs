using System.Text.Json.Serialization;

namespace Caduceus.TestModel;

/// <summary>Which message text a <see cref="TestModelRule.Match"/> pattern is tried against.</summary>
public enum TestModelMatchTarget
{
    /// <summary>The text of the last message with role <c>user</c>.</summary>
    [JsonStringEnumMemberName("lastUser")]
    LastUser,

    /// <summary>The text of every message, whatever its role (system, developer, user, assistant, tool).</summary>
    [JsonStringEnumMemberName("anyMessage")]
    AnyMessage,
}
