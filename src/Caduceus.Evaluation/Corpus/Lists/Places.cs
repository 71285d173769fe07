namespace Caduceus.Evaluation.Corpus.Lists;

/// <summary>
/// Street names, cities and counties (PHI: smaller than a state) and states and countries (not PHI under Safe Harbor),
/// written by hand for Caduceus.
/// </summary>
internal static class Places
{
    public static readonly string[] Streets =
    [
        "Maple", "Oak", "Cedar", "Elm", "Pine", "Washington", "Lincoln", "Jefferson", "Main", "Park", "Lake", "Hill",
        "River", "Sunset", "Highland", "Church", "Mill", "Spring", "Walnut", "Chestnut", "Willow", "Magnolia", "Dogwood",
        "Cherry", "Franklin", "Madison", "Monroe", "Harrison", "Grant", "Cleveland", "Kennedy", "Martin Luther King Jr",
        "César Chávez", "Peachtree", "Bayview", "Ocean", "Meadow", "Forest", "Prospect", "Pleasant", "Ridge", "Valley",
        "Orchard", "Railroad", "Market", "Center", "Union", "Water", "Bridge", "College", "Academy", "Broad", "Front",
        "High", "Vine", "Liberty", "Hickory", "Sycamore", "Birch", "Aspen", "Juniper", "Cottonwood", "Mesa", "Canyon",
        "Saguaro", "Kamehameha", "Old Mill", "Twin Oaks",
    ];

    public static readonly string[] StreetSuffixes =
    [
        "St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Dr", "Drive", "Ln", "Lane", "Ct", "Way", "Pl", "Pkwy", "Terrace", "Circle",
    ];

    public static readonly string[] Cities =
    [
        "Springfield", "Fairview", "Georgetown", "Greenville", "Bristol", "Salem", "Oakland", "Fresno", "Tucson",
        "Albuquerque", "El Paso", "Boise", "Spokane", "Tacoma", "Eugene", "Reno", "Provo", "Billings", "Fargo",
        "Sioux Falls", "Omaha", "Wichita", "Tulsa", "Little Rock", "Shreveport", "Baton Rouge", "Mobile", "Macon",
        "Savannah", "Charleston", "Raleigh", "Durham", "Knoxville", "Lexington", "Dayton", "Toledo", "Akron", "Flint",
        "Lansing", "Peoria", "Rockford", "Dubuque", "Duluth", "Green Bay", "Kenosha", "Erie", "Scranton", "Allentown",
        "Trenton", "Paterson", "Yonkers", "Hartford", "Worcester", "Lowell", "Burlington", "Bangor", "Portland",
        "Las Cruces", "Laredo", "Lubbock", "Amarillo", "Waco", "Hialeah", "Tallahassee", "Pensacola", "Hilo", "Flagstaff",
        "St. Cloud", "Winston-Salem", "Coeur d'Alene",
    ];

    public static readonly string[] Counties =
    [
        "Cook", "Harris", "Maricopa", "King", "Orange", "Wayne", "Cuyahoga", "Travis", "Fulton", "Hennepin", "Pima",
        "Multnomah", "Bexar", "Dade", "Allegheny", "Hidalgo", "Navajo", "Kanawha",
    ];

    /// <summary>Two-letter codes and full names of US states: not PHI, so left unlabelled.</summary>
    public static readonly (string Code, string Name)[] States =
    [
        ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"), ("CA", "California"), ("CO", "Colorado"),
        ("CT", "Connecticut"), ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"), ("ID", "Idaho"), ("IL", "Illinois"),
        ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"), ("KY", "Kentucky"), ("LA", "Louisiana"), ("ME", "Maine"),
        ("MD", "Maryland"), ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"), ("MS", "Mississippi"),
        ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"), ("NV", "Nevada"), ("NJ", "New Jersey"), ("NM", "New Mexico"),
        ("NY", "New York"), ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"), ("OK", "Oklahoma"), ("OR", "Oregon"),
        ("PA", "Pennsylvania"), ("SC", "South Carolina"), ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"),
        ("UT", "Utah"), ("VT", "Vermont"), ("VA", "Virginia"), ("WA", "Washington"), ("WV", "West Virginia"), ("WI", "Wisconsin"),
    ];

    /// <summary>Countries: not PHI, so left unlabelled.</summary>
    public static readonly string[] Countries =
    [
        "Mexico", "Canada", "Guatemala", "the Philippines", "India", "Nigeria", "Vietnam", "Germany", "Brazil", "Ukraine",
        "Haiti", "El Salvador", "Ethiopia", "Somalia", "Poland", "Jamaica", "China", "Korea", "Puerto Rico",
    ];

    public static readonly string[] EmailDomains =
    [
        "gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "proton.me", "comcast.net",
        "att.net", "verizon.net", "live.com", "msn.com",
    ];
}
