namespace Caduceus.Gateway.Incidents;

/// <summary>A containment action with its optional argument, as playbooks write it (<c>name</c> or <c>name:argument</c>).</summary>
public sealed record ContainmentOrder(string Action, string? Argument = null)
{
    /// <summary>Parses <paramref name="text"/>; null with <paramref name="error"/> when the action is unknown or takes no argument.</summary>
    public static ContainmentOrder? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var order = colon < 0 ? new ContainmentOrder(text) : new ContainmentOrder(text[..colon], text[(colon + 1)..]);
        error = order.Problem();
        return error is null ? order : null;
    }

    /// <summary>Why this order cannot be carried out as given, or null.</summary>
    public string? Problem()
    {
        if (!ContainmentActionNames.All.Contains(Action))
        {
            return $"'{Action}' is not a containment action (known: {string.Join(", ", ContainmentActionNames.All)})";
        }

        if (Argument is null)
        {
            return null;
        }

        if (!ContainmentActionNames.Arguments.ContainsKey(Action))
        {
            return $"'{Action}' takes no argument";
        }

        return string.IsNullOrWhiteSpace(Argument) || Argument.Length > 200 ? $"the argument of '{Action}' must be 1 to 200 characters" : null;
    }

    public override string ToString() => Argument is null ? Action : $"{Action}:{Argument}";
}
