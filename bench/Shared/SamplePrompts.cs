namespace Caduceus.Bench;

/// <summary>
/// Synthetic clinic texts of about 2 KB shared by the micro-benchmarks and the load test. Every name and number
/// here is invented; the PHI values are shaped so the default recognizers accept them.
/// </summary>
internal static class SamplePrompts
{
    /// <summary>A patient portal message with a phone number, an SSN, an email address and an MRN in ordinary clinical wording.</summary>
    public const string PortalMessageWithPhi =
        "Hello Dr. Alvarez, this is Maria Delgado writing through the patient portal about my follow-up after last " +
        "month's visit for my blood sugar. My medical record number is MRN-00482913 in case the front desk needs it. " +
        "Since you increased the metformin to 1000 mg twice a day I have had some stomach upset in the mornings, mostly " +
        "mild nausea and loose stools for about an hour after breakfast. It is a little better when I take the tablet " +
        "with food, but I wanted to ask whether the extended release version would be easier on my stomach. My fasting " +
        "readings at home have been between 130 and 150 most days, and twice this week they were close to 170 after I " +
        "had pasta for dinner. I have been walking about thirty minutes after lunch as the nurse suggested and I cut back " +
        "on juice and soda. I also noticed some tingling in both feet at night, which is new since the winter, and my " +
        "right ankle was a bit swollen after a long day at work. I am not sure if that is related to the diabetes or to " +
        "the blood pressure pill. My pharmacy said the lisinopril refill needs a new authorization before Friday. " +
        "Could you send it to the same pharmacy on Mission Street? The billing office also asked me to confirm my social " +
        "security number for the insurance claim from the March lab work, so here it is: 523-45-6789. The claim was " +
        "denied because the date of birth did not match, and they told me to message the clinic. You can call me at " +
        "(415) 555-0132 any weekday after 4 pm, or email me at maria.delgado84@example.com if that is easier. I would " +
        "also like to know if I should get the A1C test repeated before my next appointment or wait until the summer. " +
        "My sister mentioned that her doctor checks kidney function every six months for people on metformin, and I " +
        "cannot remember when mine was last done. One more question: the dietitian referral from January never reached " +
        "me, and I would still like to see someone about meal planning, ideally on a Tuesday or Thursday morning. " +
        "Thank you for your help, and please let me know if I need to come in sooner because of the foot symptoms. " +
        "Kind regards, Maria";

    /// <summary>A clinician's request for patient education material, with no PHI and no instructions aimed at the model.</summary>
    public const string ClinicalQuestionWithoutPhi =
        "I am a primary care physician preparing written education material for adults newly diagnosed with type 2 " +
        "diabetes. Please draft a plain language handout, at about a sixth grade reading level, that explains what the " +
        "diagnosis means and what the first three months of treatment usually look like. Cover the following topics in " +
        "short sections with headings. First, what blood sugar is, why it rises in type 2 diabetes, and why keeping it " +
        "in a target range protects the eyes, kidneys, nerves and heart over time. Second, how metformin works, the " +
        "common stomach side effects in the first weeks, why taking it with meals helps, and when an extended release " +
        "form may be easier to tolerate. Mention that people should tell their care team about vomiting, severe " +
        "abdominal pain or unusual muscle aches. Third, checking blood sugar at home: when a fingerstick meter is " +
        "useful, what a fasting reading means, how to keep a simple log, and what to do about readings that are much " +
        "higher than usual. Fourth, eating patterns that help, using the plate method, with practical examples of swaps " +
        "such as water instead of juice, whole grains instead of white bread, and a protein at breakfast. Avoid strict " +
        "diet rules and keep the tone encouraging rather than frightening. Fifth, physical activity, starting with short " +
        "walks after meals and building up gradually, with advice for people who have joint pain. Sixth, foot care, " +
        "including daily checks for cuts or blisters, well fitting shoes, and why numbness or tingling should be reported. " +
        "Seventh, the routine tests to expect, such as the A1C every few months, a yearly eye exam, kidney function and " +
        "urine protein checks, and cholesterol. End with a short list of questions patients can bring to their next " +
        "visit, and a reminder that low blood sugar is uncommon with metformin alone but can happen with other " +
        "medicines. Please keep the whole handout under one page and use short sentences and everyday words throughout.";
}
