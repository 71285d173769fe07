using System.Buffers;
using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi.Addresses;

/// <summary>
/// Finds addresses and places smaller than a state: US street addresses with an optional unit
/// (<c>123 Main St Apt 4B</c>, <c>45 Route 9</c>, <c>123 Broadway</c>), PO boxes, city lines (<c>Springfield, IL 62704</c>), ZIP codes after a ZIP label or a
/// state, US city and county names after a residence phrase ("lives in", "resident of") or a place preposition, and
/// street forms common abroad (<c>Koskikatu 25 Apt. 864</c>, <c>Calle Mayor 5, 3º</c>, <c>12 rue de la Paix</c>) with a
/// lower score. Parts of one address that follow each other are reported as one finding. A state or a country alone is
/// not reported.
/// </summary>
public sealed partial class AddressRecognizer : IDetector
{
    // Atomic groups here and in NameWord: a number or word never needs to give characters back (whitespace must follow),
    // and not trying to makes the scan of number-dense text about twice as fast.
    private const string HouseNumber = @"(?<![\w./:-])(?>[0-9]{1,6}[A-Za-z]?(?:-[0-9]{1,4}[A-Za-z]?)?)\s{1,2}";
    private const string PreDirection = @"(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s{1,2})?";

    // A street-name word: a word, or an ordinal ("5th"), never a plain number (which would let every run of numbers
    // start four word-long attempts); not a word that makes "2 blocks to the park way" or "3 times a day" a street.
    private const string NameWord =
        @"(?!(?:the|a|an|of|on|in|at|to|for|and|or|with|by|from|per|is|was|times|minutes?|hours?|days?|weeks?|months?|years?|"
        + @"mg|mcg|ml|tabs?|tablets?|pills?|caps?|blocks?|miles?|feet|ft|steps?|floors?|units?|x|patients?|people|kids|"
        + @"children|more|other|different|doses?|rounds?|sets?)\b)(?>[0-9]{1,3}(?:st|nd|rd|th)\b\.?|[A-Za-z][A-Za-z0-9'.-]*)\s{1,2}";

    // The words of StreetWords.UsSuffixes. Full words never take a dot; abbreviations may ("St.").
    private const string Suffix =
        "(?:(?:Street|Avenue|Boulevard|Road|Drive|Lane|Court|Way|Place|Parkway|Highway|Terrace|Circle|Square|Trail|Loop|Plaza|"
        + "Alley|Pike|Turnpike|Crescent|Row|Run|Path|Walk|Expressway|Freeway|Point|Crossing|Cove|Ridge|Landing|Commons|Heights|"
        + @"Gardens)\b|(?:St|Ave|Av|Blvd|Rd|Dr|Ln|Ct|Pl|Pkwy|Hwy|Ter|Cir|Sq|Trl|Plz|Aly|Tpke|Cres|Expy|Fwy|Pt|Xing|Cv|Hts|Gdns)\b\.?)";

    private const string PostDirection = @"(?:\s{1,2}(?-i:N|S|E|W|NE|NW|SE|SW)\b\.?(?![/']))?";

    private const string Unit =
        @"(?:,?\s{1,2}(?:(?:Apt|Apartment|Suite|Ste|Unit|Rm|Room|Floor|Bldg|Building|Lot|Space|Spc|Dept)\.?\s{0,2}#?\s?|#\s?)[A-Za-z0-9][A-Za-z0-9-]{0,5}\b)?";

    // Precheck for the PO box pattern, which starts with a word (its regex would try a match at nearly every letter).
    private static readonly SearchValues<string> RouteWords =
        SearchValues.Create(["route", "rte", "rt", "highway", "hwy", "road", "rd", "broadway"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> PoBoxWords = SearchValues.Create(["box", "apartado", "casilla"], StringComparison.OrdinalIgnoreCase);

    private static readonly PatternRecognizer Streets = new(
        nameof(AddressRecognizer),
        EntityTypes.Address,
        requiredChars: "0123456789",
        [
            new("US street address pattern", UsStreet(), 0.75, Validator: StreetValidator.Check, Precheck: StreetWords.AnyUsSuffix),
            new("US street address pattern with a numbered route", NumberedRoute(), 0.7, Precheck: static text => text.ContainsAny(RouteWords)),
            new("PO box pattern", PoBox(), 0.85, Precheck: static text => text.ContainsAny(PoBoxWords)),
            new("street pattern with number before the street word", NumberBeforeStreetWord(), 0.6, Precheck: StreetWords.AnyAfterNumber),
            new("street pattern with street word before the number", StreetWordBeforeNumber(), 0.6, Precheck: StreetWords.AnyBeforeNumber),
        ],
        new ContextWords(
        [
            "address", "lives at", "live at", "living at", "located at", "resides at", "home", "residence", "mailing",
            "mail to", "send to", "ship to", "dirección", "domicilio", "vive en", "osoite", "adresse", "anschrift",
        ]));

    private static readonly PatternRecognizer Zips = new(
        nameof(AddressRecognizer),
        EntityTypes.Address,
        requiredChars: "0123456789",
        [
            new("ZIP code pattern after a state", ZipAfterState(), 0.7),
            new("ZIP code pattern", Zip(), 0.4, RequiresContext: true),
        ],
        new ContextWords(["zip", "zip code", "zipcode", "postal code", "código postal", "c.p."], window: 15));

    private readonly CityStateFinder _cityLines;
    private readonly PlaceNameFinder _placeNames;

    /// <summary>A recognizer using the built-in US place gazetteer.</summary>
    public AddressRecognizer()
        : this(UsPlaceGazetteer.Default)
    {
    }

    internal AddressRecognizer(UsPlaceGazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        _cityLines = new CityStateFinder(gazetteer);
        _placeNames = new PlaceNameFinder(gazetteer);
    }

    /// <inheritdoc />
    public string Name => nameof(AddressRecognizer);

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(input.Text);
        ArgumentNullException.ThrowIfNull(findings);

        var own = findings.Count;
        Streets.Detect(input, findings);
        Zips.Detect(input, findings);
        _cityLines.Find(input.Text, Name, findings);
        _placeNames.Find(input.Text, Name, findings);
        NestedFindings.Remove(findings, own);
        AddressParts.MergeAdjacent(input.Text, findings, own);
    }

    // 123 Main St; 4500 N. Martin Luther King Jr Blvd SE, Suite 200; 12 elm street #3; 221B Baker Street.
    [GeneratedRegex(
        HouseNumber + PreDirection + "(?:" + NameWord + "){1,4}?" + Suffix + PostDirection + Unit,
        DetectionRegex.IgnoreCase,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex UsStreet();

    // 123 Broadway; 45 Route 9; 12 State Hwy 101 N; 7 County Road 12, Apt 3: streets named by a number, without a suffix.
    [GeneratedRegex(
        HouseNumber + @"(?:Broadway|(?:(?:State|County|US|U\.S\.|Farm\s{1,2}to\s{1,2}Market)\s{1,2})?(?:Route|Rte|Rt|Highway|Hwy|Road|Rd)\b\.?\s{0,2}#?[0-9]{1,4}[A-Za-z]?\b)"
        + PostDirection + Unit,
        DetectionRegex.IgnoreCase,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex NumberedRoute();

    // PO Box 123, P.O. Box #45, Post Office Box 9, Apartado Postal 12.
    [GeneratedRegex(
        @"\b(?:P\.?\s?O\.?\s?Box|Post\s{1,2}Office\s{1,2}Box|Apartado(?:\s{1,2}Postal)?|Casilla)\s{0,2}(?:No\.?\s?|#\s?)?[0-9]{1,6}\b",
        DetectionRegex.IgnoreCase,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex PoBox();

    // 12 rue de la Paix; 5 bis avenue Victor Hugo; 3 calle del Prado.
    [GeneratedRegex(
        @"(?<![\w./:-])[0-9]{1,4}(?:\s?(?i:bis|ter))?,?\s{1,2}(?i:rue|avenue|boulevard|bd|place|chemin|impasse|all[ée]e|quai|cours|passage|calle|avenida|paseo|via|viale|piazza|rua)"
        + @"\s{1,2}(?:(?i:de|du|des|la|le|les|del|di|da|dos|das|della)\s{1,2}|(?i:d'|l')){0,3}\p{Lu}[\p{L}'-]*(?:\s{1,2}\p{Lu}[\p{L}'-]*){0,3}",
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex NumberBeforeStreetWord();

    // Calle Mayor 5, 3º; Avda. de la Constitución 12; Koskikatu 25 Apt. 864; Hauptstraße 7; Kungsgatan 3. A compound
    // street word is taken whole (atomic) and its ending checked once, not retried at every letter.
    [GeneratedRegex(
        @"\b(?:(?i:calle|c/|avenida|avda\.?|paseo|camino|carrera|carretera|ctra\.?|ronda|traves[íi]a|rua|r[úu]a|via|viale|piazza|corso|largo|rue|chemin|quai)"
        + @"\s{1,2}(?:(?i:de|del|la|las|los|le|les|du|des|di|da|do|dos|das|della)\s{1,2}){0,3}\p{Lu}\p{Ll}[\p{L}'-]*(?:\s{1,2}\p{Lu}[\p{L}'-]*){0,3}"
        + @"|(?>\p{Lu}[\p{L}-]{1,30}\.?)(?<=\p{L}(?:katu|kuja|polku|gatan|gata|vägen|gade|vej|veien|straße|strasse|str\.|weg|gasse|platz|allee|straat|laan|gracht|plein|ulica|utca)))"
        + @",?\s{1,2}(?:(?i:n[º°o]\.?|no\.|#)\s?)?[0-9]{1,5}[A-Za-z]?\b(?!\s*(?:%|(?i:mg|mcg|ml|units?)\b))"
        + @"(?:,?\s{0,2}[0-9]{1,2}\s?[º°ª](?:\s?[A-Za-z0-9]\b)?|,?\s{1,2}(?i:apt|as|lgh|app|whg|apartment)\.?\s{0,2}[A-Za-z]?\s?[0-9]{1,4}\b)?",
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex StreetWordBeforeNumber();

    // IL 62704, NY 10001-1234: the ZIP only (the state alone is not an identifier).
    [GeneratedRegex(
        @"(?=[0-9]{5}(?![0-9]))(?<=\b" + UsStates.AbbreviationPattern + @"\.?,?\s{1,2})[0-9]{5}(?:-[0-9]{4})?(?![\w-]|[.,][0-9])",
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex ZipAfterState();

    [GeneratedRegex(@"(?<![\w./:-])[0-9]{5}(?:-[0-9]{4})?(?![\w-]|[.,][0-9])", DetectionRegex.Options, DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex Zip();
}
