using System.CommandLine;

namespace Caduceus.Cli.Commands.Keys;

/// <summary>The <c>ID</c> argument of the verbs that act on one key.</summary>
internal static class KeyIdArgument
{
    public static Argument<string> Create() => new("id") { Description = "The key's id (key_...), as 'caduceus keys list' shows it." };

    public static string NotFound(string id) => $"there is no key with id '{id}' (see 'caduceus keys list').";
}
