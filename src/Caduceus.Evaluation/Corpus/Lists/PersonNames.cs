namespace Caduceus.Evaluation.Corpus.Lists;

/// <summary>
/// Given names and surnames for the synthetic corpus, written by hand for Caduceus (no name package, no faker list:
/// the NAME gazetteer is built from one, and a corpus drawn from the same list would flatter it). Diverse origins on
/// purpose, with accented letters, apostrophes, hyphens, two-part names, and names that are also ordinary English
/// words (Grace, June, Will, Hunter, Bell, Price), which a gazetteer must not drop.
/// </summary>
internal static class PersonNames
{
    public static readonly string[] Given =
    [
        // English-speaking
        "James", "Mary", "Robert", "Patricia", "Michael", "Linda", "William", "Barbara", "David", "Elizabeth",
        "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Margaret", "Charles", "Dorothy", "Christopher", "Karen",
        "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Helen", "Kenneth", "Sharon", "Joshua", "Michelle",
        // also ordinary words
        "Grace", "Hope", "June", "April", "Will", "Rose", "Dawn", "Joy", "Hunter", "Faith", "Summer", "Cliff",
        // Spanish and Portuguese
        "José", "María", "Juan", "Guadalupe", "Luis", "Carmen", "Jorge", "Rosa", "Alejandro", "Lucía",
        "Santiago", "Valentina", "Diego", "Ximena", "Rafael", "Marisol", "João", "Conceição",
        // African American
        "DeShawn", "Latoya", "Jamal", "Keisha", "Tyrone", "Imani", "Darnell", "Ebony", "Malik", "Aaliyah",
        // West and East African
        "Chinedu", "Ngozi", "Oluwaseun", "Adaeze", "Kwame", "Abena", "Kofi", "Amara", "Tunde", "Folake", "Wanjiru", "Tsehay",
        // East and Southeast Asian
        "Wei", "Mei", "Hiroshi", "Yuki", "Jin", "Seo-yeon", "Min-jun", "Haruto", "Sakura", "Xiaoming", "Hana", "Takeshi",
        "Thanh", "Linh", "Minh", "Maricel", "Rodel", "Siti",
        // South Asian
        "Priya", "Rahul", "Anjali", "Arjun", "Deepika", "Sanjay", "Lakshmi", "Vikram", "Kavya", "Rohan", "Aditi", "Sunil",
        // Middle Eastern and North African
        "Mohammed", "Fatima", "Ahmed", "Aisha", "Omar", "Layla", "Yusuf", "Noor", "Hassan", "Zainab", "Karim", "Leila",
        // European
        "Dmitri", "Olga", "Ivan", "Svetlana", "Katarzyna", "Piotr", "Milena", "Bogdan", "Søren", "Astrid", "Lars", "Ingrid",
        "François", "Amélie", "Giuseppe", "Chiara", "Hans", "Greta", "Siobhán", "Niamh", "Seamus", "Zoë", "Björn", "Eilidh",
        // Pacific and Native American
        "Kai", "Leilani", "Keanu", "Makoa", "Winona", "Dakota",
    ];

    public static readonly string[] Family =
    [
        // English-speaking
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
        "Moore", "Jackson", "Martin", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker",
        "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker", "Nelson",
        "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans",
        // also ordinary words
        "Bell", "Graves", "Wolf", "Fox", "Stone", "Rivers", "Brooks", "Frost", "Price", "Long", "Little", "Black", "Love", "Day", "Cook", "Marsh",
        // Spanish
        "García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez", "Torres",
        "Flores", "Rivera", "Gómez", "Díaz", "Reyes", "Morales", "Cruz", "Ortiz", "Gutiérrez", "Chávez", "de la Cruz",
        // East and Southeast Asian
        "Nguyen", "Tran", "Le", "Pham", "Kim", "Park", "Choi", "Chen", "Wang", "Zhang", "Liu", "Yang", "Huang",
        "Tanaka", "Suzuki", "Takahashi", "Watanabe", "Yamamoto", "Santos", "Dela Peña",
        // South Asian
        "Patel", "Shah", "Singh", "Kumar", "Sharma", "Gupta", "Reddy", "Iyer", "Chatterjee", "Desai", "Mehta", "Banerjee",
        // Middle Eastern
        "Haddad", "Khalil", "Nasser", "Mansour", "Al-Farsi", "Hosseini", "Rahimi", "Abdullah", "Saleh", "Farah",
        // African
        "Okafor", "Adeyemi", "Mensah", "Boateng", "Okonkwo", "Nwosu", "Diallo", "Traoré", "Kamau", "Mwangi", "Abebe", "Tesfaye",
        // European
        "Müller", "Schmidt", "Schneider", "Kowalski", "Nowak", "Novák", "Ivanov", "Petrov", "Popescu", "Rossi",
        "Russo", "Bianchi", "Ferrari", "Dubois", "Lefebvre", "Jensen", "Hansen", "Andersson", "Lindqvist",
        "O'Brien", "O'Connor", "McCarthy", "Murphy", "Kelly", "Walsh", "MacDonald", "Fitzgerald",
        // Pacific and Native American
        "Kahananui", "Akana", "Begay", "Yazzie", "Tsosie",
    ];
}
