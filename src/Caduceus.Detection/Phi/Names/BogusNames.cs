using Bogus.Bson;

namespace Caduceus.Detection.Phi.Names;

/// <summary>
/// Given names and surnames from the locale data of the Bogus package (a port of faker.js): Spanish, Italian,
/// German, Polish, Czech, Croatian, Turkish, Vietnamese, Nigerian, Indian and other locales. The BSON resources are
/// read straight from the Bogus assembly, without Bogus's own locale cache, once, when the lexicon is built.
/// </summary>
internal static class BogusNames
{
    private const string ResourcePrefix = "Bogus.data.";
    private const string ResourceSuffix = ".locale.bson";

    /// <summary>Every name of every locale, romanized where written in Cyrillic, Greek or Georgian.</summary>
    /// <remarks>Names in other non-Latin scripts (Arabic, Persian, Chinese, Japanese, Korean) are left out: notes
    /// in English spell them in Latin letters, and the project's own lists cover the common romanizations.</remarks>
    public static IEnumerable<(string Word, LexiconFlags Flags)> Read()
    {
        var assembly = typeof(Bogus.Faker).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var locale = resource[ResourcePrefix.Length..^ResourceSuffix.Length];
            foreach (var entry in ReadLocale(assembly, resource, locale))
            {
                yield return entry;
            }
        }
    }

    private static IEnumerable<(string Word, LexiconFlags Flags)> ReadLocale(System.Reflection.Assembly assembly, string resource, string locale)
    {
        BObject root;
        using (var stream = assembly.GetManifestResourceStream(resource)!)
        using (var buffer = new MemoryStream())
        {
            stream.CopyTo(buffer);
            root = Bson.Load(buffer.ToArray());
        }

        if (!root.ContainsKey("name") || root["name"] is not BObject names)
        {
            yield break;
        }

        var ukrainian = locale == "uk";
        foreach (var key in names.Keys)
        {
            var flags = FlagsOf(key);
            if (flags == LexiconFlags.None || names[key] is not BArray values)
            {
                continue;
            }

            for (var i = 0; i < values.Count; i++)
            {
                if (values[i].ValueType != BValueType.String)
                {
                    continue;
                }

                // Vietnamese given names are two syllables ("An Bình"); each is a name in its own right.
                foreach (var part in values[i].StringValue.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var latin = NameText.Romanize(part, ukrainian);
                    if (latin is { Length: > 1 })
                    {
                        yield return (latin, flags);
                    }
                }
            }
        }
    }

    // Keys seen in the locale files: first_name, male_first_name, female_first_name, last_name, male_last_name,
    // female_last_name, tussenvoegsel (Dutch particles), nobility_title_prefix (German particles). Middle names
    // (Russian patronymics), prefixes, suffixes and templates are not names on their own.
    private static LexiconFlags FlagsOf(string key) => key switch
    {
        _ when key.EndsWith("first_name", StringComparison.Ordinal) => LexiconFlags.GivenName,
        _ when key.EndsWith("last_name", StringComparison.Ordinal) => LexiconFlags.Surname,
        "tussenvoegsel" or "nobility_title_prefix" => LexiconFlags.Particle,
        _ => LexiconFlags.None,
    };
}
