namespace Caduceus.Evaluation.Corpus.Lists;

/// <summary>
/// Clinical wording for the synthetic corpus, written by hand for Caduceus. Most of it is deliberately unlabelled
/// text that looks like PHI to a careless recognizer: eponyms (a surname that is a disease), doses and fractions
/// (<c>1/2 tab</c>), blood pressures (<c>120/80</c>), lab values, codes, scores and years.
/// </summary>
internal static class ClinicalPhrases
{
    /// <summary>Diseases, signs, scales, procedures and devices named after people: never a patient's name.</summary>
    public static readonly string[] Eponyms =
    [
        "Parkinson disease", "Parkinson's disease", "Bell's palsy", "Crohn's disease", "Hodgkin lymphoma",
        "non-Hodgkin lymphoma", "Alzheimer's dementia", "Graves' disease", "Hashimoto thyroiditis", "Cushing syndrome",
        "Addison disease", "Down syndrome", "Tourette syndrome", "Guillain-Barré syndrome", "Raynaud phenomenon",
        "Sjögren syndrome", "Kaposi sarcoma", "Huntington disease", "Barrett esophagus", "Ménière disease",
        "Marfan syndrome", "Epstein-Barr virus infection", "Wolff-Parkinson-White syndrome", "Paget disease of bone",
        "Dupuytren contracture", "Baker's cyst", "Osgood-Schlatter disease", "Lyme disease", "Hirschsprung disease",
        "Bartholin cyst", "Charcot foot", "Wernicke encephalopathy", "Tietze syndrome", "Ehlers-Danlos syndrome",
    ];

    public static readonly string[] ExamEponyms =
    [
        "Babinski sign negative", "Murphy sign positive", "no tenderness at McBurney point", "Tinel sign positive at the wrist",
        "Phalen test negative", "Lachman test negative", "Romberg negative", "Kernig and Brudzinski signs absent",
        "Homan sign negative", "Trendelenburg gait absent", "Glasgow Coma Scale 15", "Mallampati class II",
    ];

    public static readonly string[] Procedures =
    [
        "Whipple procedure", "Foley catheter placement", "Swan-Ganz catheter", "Holter monitor", "Doppler ultrasound",
        "Pap smear", "Gram stain", "Nissen fundoplication", "Roux-en-Y gastric bypass", "Heimlich maneuver",
        "Hartmann procedure", "Billroth II anastomosis", "Mohs surgery", "Tenckhoff catheter", "Jackson-Pratt drain",
    ];

    public static readonly string[] Medications =
    [
        "metformin 500 mg PO BID", "lisinopril 10 mg daily", "1/2 tab of carvedilol 6.25 mg BID", "atorvastatin 40 mg qHS",
        "acetaminophen 650 mg q6h PRN", "insulin glargine 22 units at bedtime", "amoxicillin 875 mg twice daily x 10 days",
        "levothyroxine 75 mcg daily", "apixaban 5 mg BID", "furosemide 40 mg daily", "sertraline 50 mg daily",
        "1/2 tablet of hydrochlorothiazide 25 mg", "albuterol 2 puffs q4h PRN", "prednisone 40 mg daily x 5 days",
        "gabapentin 300 mg TID", "tamsulosin 0.4 mg qHS", "warfarin 2.5 mg, 1 1/2 tabs on Mondays",
        "carbidopa-levodopa 25/100 1 tab TID", "omeprazole 20 mg daily", "donepezil 10 mg qHS", "aspirin 81 mg daily",
    ];

    public static readonly string[] Vitals =
    [
        "BP 120/80", "BP 138/86 mmHg", "BP 142/91", "BP 118/72, HR 64", "HR 72", "HR 104 and irregular", "RR 16",
        "SpO2 98% on RA", "SpO2 91% on 2 L NC", "T 98.6 F", "Temp 38.4 C", "Wt 82 kg", "weight 182 lb", "BMI 27.4",
        "height 5'7\"", "pain 6/10", "pain 2/10 at rest",
    ];

    public static readonly string[] Labs =
    [
        "Hgb 11.2", "WBC 7.8", "Na 138", "K 4.1", "Cr 1.02", "A1c 7.4%", "TSH 2.31", "INR 2.4", "LDL 112",
        "troponin < 0.01", "BNP 450", "eGFR 54", "platelets 212", "glucose 186", "lactate 1.9", "Mg 1.8",
        "urine culture > 100,000 CFU/mL E. coli", "BUN/Cr 18/1.1", "HbA1c 6.9% (was 8.1% in 2021)",
    ];

    public static readonly string[] Codes =
    [
        "ICD-10 E11.9", "ICD-10 I10", "ICD-10 J45.909", "ICD-10 G20", "ICD-10 K50.90", "CPT 99214", "CPT 93000",
        "ICD-10 M17.11", "CPT 36415", "LOINC 4548-4",
    ];

    public static readonly string[] Scores =
    [
        "PHQ-9 of 12", "GAD-7 of 8", "MoCA 24/30", "grade 2/6 systolic murmur", "strength 5/5 throughout",
        "2+ pulses bilaterally", "CHA2DS2-VASc 4", "Wells score 1.5", "NYHA class II", "ECOG 1", "Braden score 16",
    ];

    public static readonly string[] Conditions =
    [
        "type 2 diabetes", "hypertension", "atrial fibrillation", "COPD", "CKD stage 3a", "heart failure with reduced EF",
        "osteoarthritis of the right knee", "major depressive disorder", "hypothyroidism", "asthma", "obstructive sleep apnea",
        "GERD", "BPH", "iron deficiency anemia", "migraine without aura",
    ];

    public static readonly string[] Complaints =
    [
        "chest pain", "shortness of breath", "a fall at home", "worsening tremor", "facial droop", "abdominal pain",
        "dizziness", "a productive cough", "right knee pain", "palpitations", "confusion", "leg swelling", "a rash",
        "fever and chills", "low back pain",
    ];

    /// <summary>Organisations are not Safe Harbor identifiers; these names are unlabelled.</summary>
    public static readonly string[] Clinics =
    [
        "Mercy Valley Medical Center", "St. Brigid Hospital", "Northgate Family Practice", "Lakeshore Cardiology Associates",
        "Good Shepherd Rehabilitation", "Bluebonnet Pediatrics", "Summit Orthopedics", "Hope Community Health Center",
        "Sacred Heart Neurology", "Pinecrest Internal Medicine", "Unity Women's Health", "Cascade Pulmonary Clinic",
    ];

    /// <summary>Domains of the made-up clinics (for portal URLs and staff email).</summary>
    public static readonly string[] ClinicDomains =
    [
        "mercyvalleymed.org", "stbrigidhealth.org", "northgatefp.com", "lakeshorecardio.com", "goodshepherdrehab.org",
        "bluebonnetpeds.com", "summitortho.net", "hopechc.org", "sacredheartneuro.org", "pinecrestim.com",
    ];

    public static readonly string[] Relations =
    [
        "wife", "husband", "daughter", "son", "partner", "mother", "father", "sister", "brother", "granddaughter", "niece", "caregiver",
    ];

    public static readonly string[] Occupations =
    [
        "retired teacher", "truck driver", "nurse", "accountant", "construction worker", "line cook", "software developer",
        "retired machinist", "home health aide", "farmer", "student", "pastor",
    ];

    public static readonly string[] Vehicles =
    [
        "2015 Honda Civic", "2019 Ford F-150", "2012 Toyota Camry", "2021 Subaru Outback", "2008 Chevrolet Silverado",
        "2017 Nissan Altima", "2020 Tesla Model 3",
    ];
}
