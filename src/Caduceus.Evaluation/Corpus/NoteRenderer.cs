using System.Globalization;
using Caduceus.Detection;
using Caduceus.Evaluation.Corpus.Lists;

namespace Caduceus.Evaluation.Corpus;

/// <summary>
/// Writes one document from a <see cref="NoteTemplate"/>: picks the sections and wordings, and replaces each
/// <c>{slot}</c> with a value. PHI slots (<c>{patient}</c>, <c>{dob}</c>, <c>{phone}</c>, <c>{mrn}</c>, ...) are labelled
/// with their entity type; the others (<c>{eponym}</c>, <c>{med}</c>, <c>{bp}</c>, <c>{year}</c>, <c>{state}</c>, ...)
/// are unlabelled text, many of them chosen to look like identifiers. An unknown slot is a bug and throws.
/// </summary>
internal sealed class NoteRenderer
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly DeterministicRandom _random;
    private readonly VocabularyLists _lists;
    private readonly DocumentCast _cast;
    private readonly NoteBuilder _note = new();

    public NoteRenderer(DeterministicRandom random, VocabularyLists lists)
    {
        _random = random;
        _lists = lists;
        _cast = new DocumentCast(random, lists);
    }

    public NoteBuilder Render(NoteTemplate template)
    {
        var first = true;
        foreach (var section in template.Sections)
        {
            if (!_random.Chance(section.Probability))
            {
                continue;
            }

            if (!first)
            {
                _note.Text("\n");
            }

            RenderWording(_random.Pick(section.Alternatives));
            first = false;
        }

        return _note;
    }

    private void RenderWording(string wording)
    {
        var position = 0;
        while (position < wording.Length)
        {
            var open = wording.IndexOf('{', position);
            if (open < 0)
            {
                _note.Text(wording[position..]);
                return;
            }

            var close = wording.IndexOf('}', open);
            if (close < 0)
            {
                throw new InvalidOperationException($"Unclosed slot in template wording at {open}.");
            }

            _note.Text(wording[position..open]);
            Slot(wording[(open + 1)..close]);
            position = close + 1;
        }
    }

    private void Slot(string name)
    {
        var r = _random;
        var c = _cast;
        switch (name)
        {
            // Names: patients, relatives, clinicians and staff are all labelled NAME.
            case "patient": Name(PhiValues.FullName(r, c.Patient)); break;
            case "patient_given": Name(c.Patient.Given); break;
            case "patient_family": Name(c.Patient.Family); break;
            case "patient_family_upper": Name(c.Patient.Family.ToUpperInvariant()); break;
            case "patient_family_initial": Name(c.Patient.Family[..1]); break;
            case "patient_title": _note.Text(r.Pick(["Mr. ", "Ms. ", "Mrs. ", "Mx. "])); Name(c.Patient.Family); break;
            case "patient_spelled": Name(SpokenForms.Spell(r, c.Patient.Family)); break;
            case "relative": Name(r.Chance(0.7) ? $"{c.Relative.Given} {c.Relative.Family}" : c.Relative.Given); break;
            case "relative_given": Name(c.Relative.Given); break;
            case "doctor": Name(ClinicianName(c.Doctor)); break;
            case "doctor_family": Name(c.Doctor.Family); break;
            case "other_doctor": Name(ClinicianName(c.OtherDoctor)); break;
            case "other_doctor_family": Name(c.OtherDoctor.Family); break;
            case "staff": Name(r.Chance(0.6) ? $"{c.Staff.Given} {c.Staff.Family}" : $"{c.Staff.Given} {c.Staff.Family[0]}."); break;
            case "staff_given": Name(c.Staff.Given); break;

            // Dates, ages.
            case "dob": Phi(EntityTypes.Date, PhiValues.Date(r, c.BirthDate)); break;
            case "spoken_dob": Phi(EntityTypes.Date, SpokenForms.Date(r, c.BirthDate)); break;
            case "visit_date": Phi(EntityTypes.Date, PhiValues.Date(r, c.VisitDate, allowNoYear: true)); break;
            case "admit_date": Phi(EntityTypes.Date, PhiValues.Date(r, c.AdmitDate, allowNoYear: true)); break;
            case "followup_date": Phi(EntityTypes.Date, PhiValues.Date(r, c.FollowUpDate, allowNoYear: true)); break;
            case "onset_date": Phi(EntityTypes.Date, PhiValues.Date(r, c.OnsetDate, allowNoYear: true)); break;
            case "age": Age(); break;

            // Places: street, city, county and ZIP are PHI; the state and country are not.
            case "address": Address(); break;
            case "city": Phi(EntityTypes.Address, r.Pick(_lists.Cities)); break;
            case "zip": Phi(EntityTypes.Address, PhiValues.Zip(r)); break;
            case "county": Phi(EntityTypes.Address, r.Pick(_lists.Counties) + " County"); break;
            case "state": _note.Text(r.Pick(Places.States).Name); break;
            case "state_code": _note.Text(r.Pick(Places.States).Code); break;
            case "country": _note.Text(r.Pick(Places.Countries)); break;

            // Contact details.
            case "phone": Phi(EntityTypes.Phone, PhiValues.Phone(r, c.PhoneDigits)); break;
            case "phone2": Phi(EntityTypes.Phone, PhiValues.Phone(r, c.OtherPhoneDigits)); break;
            case "clinic_phone": Phi(EntityTypes.Phone, PhiValues.Phone(r, PhiValues.PhoneDigits(r))); break;
            case "spoken_phone": Phi(EntityTypes.Phone, SpokenForms.DigitGroups(r, c.PhoneDigits, 3, 3, 4)); break;
            case "fax": Phi(EntityTypes.Fax, PhiValues.Phone(r, c.FaxDigits)); break;
            case "email": Phi(EntityTypes.Email, c.Email); break;
            case "staff_email": Phi(EntityTypes.Email, PhiValues.StaffEmail(r, c.Doctor)); break;
            case "portal_url": Phi(EntityTypes.Url, PhiValues.PortalUrl(r)); break;
            case "personal_url": Phi(EntityTypes.Url, PhiValues.PersonalUrl(r, c.Patient)); break;
            case "ip": Phi(EntityTypes.Ip, PhiValues.Ip(r)); break;

            // Numbers and codes.
            case "ssn": Phi(EntityTypes.Ssn, PhiValues.Ssn(r, c.SsnDigits)); break;
            case "spoken_ssn": Phi(EntityTypes.Ssn, SpokenForms.DigitGroups(r, c.SsnDigits, 3, 2, 4)); break;
            case "mrn": Phi(EntityTypes.Mrn, c.Mrn); break;
            case "mbi": Phi(EntityTypes.HealthPlanId, PhiValues.Mbi(r)); break;
            case "member_id": Phi(EntityTypes.HealthPlanId, PhiValues.MemberId(r)); break;
            case "medicaid_id": Phi(EntityTypes.HealthPlanId, PhiValues.Letters(r, 2) + PhiValues.Digits(r, 5) + PhiValues.Letters(r, 1)); break;
            case "account": Phi(EntityTypes.Account, PhiValues.AccountNumber(r)); break;
            case "card": Phi(EntityTypes.Account, PhiValues.PaymentCard(r)); break;
            case "npi": Phi(EntityTypes.License, PhiValues.Npi(r)); break;
            case "dea": Phi(EntityTypes.License, PhiValues.Dea(r, c.Doctor.Family)); break;
            case "state_license": Phi(EntityTypes.License, PhiValues.StateLicense(r)); break;
            case "drivers_license": Phi(EntityTypes.License, PhiValues.DriversLicense(r)); break;
            case "vin": Phi(EntityTypes.Vehicle, PhiValues.Vin(r)); break;
            case "plate": Phi(EntityTypes.Vehicle, PhiValues.LicensePlate(r)); break;
            case "device_serial": Phi(EntityTypes.DeviceId, PhiValues.DeviceSerial(r)); break;
            case "udi": Phi(EntityTypes.DeviceId, PhiValues.Udi(r)); break;
            case "biometric": Phi(EntityTypes.Biometric, PhiValues.Biometric(r)); break;
            case "study_id": Phi(EntityTypes.OtherId, PhiValues.StudyId(r)); break;
            case "claim_number": Phi(EntityTypes.OtherId, PhiValues.ClaimNumber(r)); break;
            case "accession": Phi(EntityTypes.OtherId, PhiValues.Accession(r)); break;
            case "rx_number": Phi(EntityTypes.OtherId, PhiValues.RxNumber(r)); break;
            case "employee_id": Phi(EntityTypes.OtherId, PhiValues.EmployeeId(r)); break;

            // Unlabelled clinical text.
            case "eponym": _note.Text(r.Pick(ClinicalPhrases.Eponyms)); break;
            case "exam": _note.Text(r.Pick(ClinicalPhrases.ExamEponyms)); break;
            case "procedure": _note.Text(r.Pick(ClinicalPhrases.Procedures)); break;
            case "med": _note.Text(r.Pick(ClinicalPhrases.Medications)); break;
            case "vitals": _note.Text(r.Pick(ClinicalPhrases.Vitals)); break;
            case "lab": _note.Text(r.Pick(ClinicalPhrases.Labs)); break;
            case "code": _note.Text(r.Pick(ClinicalPhrases.Codes)); break;
            case "score": _note.Text(r.Pick(ClinicalPhrases.Scores)); break;
            case "condition": _note.Text(r.Pick(ClinicalPhrases.Conditions)); break;
            case "complaint": _note.Text(r.Pick(ClinicalPhrases.Complaints)); break;
            case "clinic": _note.Text(r.Pick(ClinicalPhrases.Clinics)); break;
            case "occupation": _note.Text(r.Pick(ClinicalPhrases.Occupations)); break;
            case "relation": _note.Text(r.Pick(ClinicalPhrases.Relations)); break;
            case "vehicle_model": _note.Text(r.Pick(ClinicalPhrases.Vehicles)); break;
            case "device_kind": _note.Text(r.Pick(["dual-chamber pacemaker", "ICD", "insulin pump", "CPAP machine", "cochlear implant", "spinal cord stimulator", "left ventricular assist device"])); break;
            case "biometric_kind": _note.Text(r.Pick(["fingerprint template", "voiceprint ID", "retinal scan ID", "face template"])); break;
            case "year": _note.Text(r.Between(1985, c.VisitDate.Year).ToString(Invariant)); break;
            case "weekday": _note.Text(r.Pick(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])); break;
            case "time": _note.Text(r.Chance(0.5) ? $"{r.Between(0, 23):00}:{r.Between(0, 59):00}" : $"{r.Between(1, 12)}:{r.Between(0, 59):00} {r.Pick(["AM", "PM", "pm"])}"); break;
            case "duration": _note.Text($"{r.Between(2, 14)} {r.Pick(["days", "weeks", "months"])}"); break;
            case "pages": _note.Text(r.Between(2, 24).ToString(Invariant)); break;
            case "bp": _note.Text($"{r.Between(98, 182)}/{r.Between(58, 110)}"); break;
            case "staff_role": _note.Text(r.Pick(["RN", "LPN", "MA", "front desk", "referral coordinator", "medical records"])); break;
            case "portal_subject": _note.Text(r.Pick(["Refill request", "Question about my meds", "Test results", "Appointment", "Billing question", "Forms"])); break;
            case "lab_phrase": _note.Text(r.Pick(["sugar was 212 this morning", "A1c was 8.2 last time", "potassium was low, 3.1", "INR was 3.6 on Friday"])); break;
            default: throw new InvalidOperationException($"Unknown template slot '{name}'.");
        }
    }

    private void Name(string value) => _note.Phi(EntityTypes.Name, value);

    private void Phi(string type, string value) => _note.Phi(type, value);

    private string ClinicianName(Person person) =>
        _random.Chance(0.7) ? $"{person.Given} {person.Family}" : $"{person.Given} {person.MiddleInitial}. {person.Family}";

    // Ages over 89 are PHI; younger ages are the hard negatives beside them. Only the number is labelled.
    private void Age()
    {
        var age = _cast.Age.ToString(Invariant);
        if (_cast.IsVeryOld)
        {
            Phi(EntityTypes.Age, age);
        }
        else
        {
            _note.Text(age);
        }
    }

    private void Address()
    {
        var state = _random.Pick(Places.States);
        Phi(EntityTypes.Address, PhiValues.StreetLine(_random, _lists));
        _note.Text(_random.Chance(0.8) ? ", " : "\n");
        Phi(EntityTypes.Address, _random.Pick(_lists.Cities));
        _note.Text(_random.Chance(0.85) ? $", {state.Code} " : $", {state.Name} ");
        Phi(EntityTypes.Address, PhiValues.Zip(_random));
    }
}
