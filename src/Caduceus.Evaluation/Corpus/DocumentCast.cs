namespace Caduceus.Evaluation.Corpus;

/// <summary>
/// The people and identifiers of one synthetic document, drawn once so the document stays consistent: the patient
/// named in the header is the one in the signature, the phone number given twice is the same number.
/// </summary>
internal sealed class DocumentCast
{
    public DocumentCast(DeterministicRandom random, VocabularyLists lists)
    {
        Patient = NewPerson(random, lists);
        Relative = NewPerson(random, lists) with { Family = random.Chance(0.6) ? Patient.Family : lists.FamilyNames[random.Next(lists.FamilyNames.Length)] };
        Doctor = NewPerson(random, lists);
        OtherDoctor = NewPerson(random, lists);
        Staff = NewPerson(random, lists);

        VisitDate = PhiValues.DateBetween(random, new DateOnly(2019, 1, 1), new DateOnly(2025, 12, 31));
        IsVeryOld = random.Chance(0.3);
        Age = IsVeryOld ? random.Between(90, 104) : random.Between(18, 89);
        BirthDate = VisitDate.AddYears(-Age).AddDays(-random.Next(360));
        AdmitDate = VisitDate.AddDays(-random.Between(1, 12));
        FollowUpDate = VisitDate.AddDays(random.Between(7, 90));
        OnsetDate = VisitDate.AddDays(-random.Between(2, 60));

        PhoneDigits = PhiValues.PhoneDigits(random);
        OtherPhoneDigits = PhiValues.PhoneDigits(random);
        FaxDigits = PhiValues.PhoneDigits(random);
        SsnDigits = PhiValues.SsnDigits(random);
        Mrn = PhiValues.Mrn(random);
        Email = PhiValues.Email(random, Patient);
    }

    public Person Patient { get; }

    public Person Relative { get; }

    public Person Doctor { get; }

    public Person OtherDoctor { get; }

    public Person Staff { get; }

    public DateOnly VisitDate { get; }

    public DateOnly BirthDate { get; }

    public DateOnly AdmitDate { get; }

    public DateOnly FollowUpDate { get; }

    public DateOnly OnsetDate { get; }

    /// <summary>Over 89: the age is PHI.</summary>
    public bool IsVeryOld { get; }

    public int Age { get; }

    public string PhoneDigits { get; }

    public string OtherPhoneDigits { get; }

    public string FaxDigits { get; }

    public string SsnDigits { get; }

    public string Mrn { get; }

    public string Email { get; }

    private static Person NewPerson(DeterministicRandom random, VocabularyLists lists)
    {
        var family = lists.FamilyNames[random.Next(lists.FamilyNames.Length)];
        if (random.Chance(0.05))
        {
            family += "-" + lists.FamilyNames[random.Next(lists.FamilyNames.Length)];
        }

        return new Person(lists.GivenNames[random.Next(lists.GivenNames.Length)], family, (char)('A' + random.Next(26)));
    }
}
