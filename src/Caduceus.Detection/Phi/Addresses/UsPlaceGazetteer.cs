namespace Caduceus.Detection.Phi.Addresses;

/// <summary>
/// US city, town and county names with their states, loaded once from the embedded <c>us-places.tsv</c> (its origin
/// and licences are in <c>Gazetteer/README.md</c>). Lookups are case-insensitive and allocate nothing.
/// </summary>
internal sealed class UsPlaceGazetteer
{
    private const string ResourceName = "Caduceus.Detection.Phi.Addresses.us-places.tsv";

    private static readonly Lazy<UsPlaceGazetteer> Embedded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, UsPlace> _places;
    private readonly Dictionary<string, UsPlace>.AlternateLookup<ReadOnlySpan<char>> _placesBySpan;

    /// <param name="places">Lines of <c>name TAB states TAB flag</c>; lines starting with '#' are comments.</param>
    public UsPlaceGazetteer(IEnumerable<string> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        _places = new Dictionary<string, UsPlace>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in places)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 3)
            {
                throw new FormatException("A gazetteer line needs three tab-separated fields.");
            }

            _places[fields[0]] = new UsPlace(fields[1], fields[2] == "w");
            MaxWords = Math.Max(MaxWords, fields[0].AsSpan().Count(' ') + 1);
        }

        _placesBySpan = _places.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The gazetteer built into the assembly.</summary>
    public static UsPlaceGazetteer Default => Embedded.Value;

    /// <summary>Number of names.</summary>
    public int Count => _places.Count;

    /// <summary>Most words in one name ("Rancho Santa Margarita").</summary>
    public int MaxWords { get; }

    /// <summary>Looks up a name exactly as written (single spaces between words), ignoring case.</summary>
    public bool TryGet(ReadOnlySpan<char> name, out UsPlace place) => _placesBySpan.TryGetValue(name, out place);

    private static UsPlaceGazetteer Load()
    {
        using var stream = typeof(UsPlaceGazetteer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>(24_000);
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return new UsPlaceGazetteer(lines);
    }
}
