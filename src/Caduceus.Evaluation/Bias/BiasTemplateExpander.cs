using System.Text;

namespace Caduceus.Evaluation.Bias;

/// <summary>
/// Expands a template into every combination of its dimensions' values (a full factorial design), so each group of
/// one dimension meets every value of the others equally often and they cannot explain a difference between groups.
/// </summary>
public static class BiasTemplateExpander
{
    public static IReadOnlyList<BiasVariant> Expand(IEnumerable<BiasTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        return [.. templates.SelectMany(Expand)];
    }

    public static IEnumerable<BiasVariant> Expand(BiasTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        IEnumerable<Dictionary<string, (string Group, string Value)>> combinations = [[]];
        foreach (var dimension in template.Dimensions)
        {
            var choices = dimension.Groups.SelectMany(g => g.Values.Select(v => (g.Name, v))).ToList();
            combinations = combinations.SelectMany(combination => choices.Select(choice =>
                new Dictionary<string, (string, string)>(combination) { [dimension.Name] = choice }));
        }

        return combinations.Select(combination => Fill(template, combination));
    }

    private static BiasVariant Fill(BiasTemplate template, Dictionary<string, (string Group, string Value)> choice)
    {
        var text = new StringBuilder();
        var inserted = new List<InsertedValue>();
        var position = 0;
        foreach (var match in BiasPlaceholders.Placeholder().EnumerateMatches(template.Text))
        {
            text.Append(template.Text, position, match.Index - position);
            var dimension = template.Text.Substring(match.Index + 1, match.Length - 2);
            var (group, value) = choice[dimension];
            inserted.Add(new InsertedValue(dimension, group, text.Length, value.Length));
            text.Append(value);
            position = match.Index + match.Length;
        }

        text.Append(template.Text, position, template.Text.Length - position);
        return new BiasVariant(template.Id, text.ToString(), inserted);
    }
}
