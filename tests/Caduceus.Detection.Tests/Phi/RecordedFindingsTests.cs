using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Caduceus.Detection.Phi;
using Caduceus.Detection.Phi.Accounts;
using Caduceus.Detection.Phi.Addresses;
using Caduceus.Detection.Phi.Ages;
using Caduceus.Detection.Phi.Dates;
using Caduceus.Detection.Phi.Devices;
using Caduceus.Detection.Phi.HealthPlans;
using Caduceus.Detection.Phi.Identifiers;
using Caduceus.Detection.Phi.Licenses;
using Caduceus.Detection.Phi.Names;
using Caduceus.Detection.Phi.Network;
using Caduceus.Detection.Phi.Spoken;
using Caduceus.Detection.Phi.Vehicles;
using Caduceus.Evaluation.Corpus;

namespace Caduceus.Detection.Tests.Phi;

/// <summary>
/// A differential guard for speed work on the pattern and gazetteer recognizers: over generated clinical notes (a seed
/// of their own, not the evaluation splits), each recognizer must still give exactly the findings (type, span,
/// score, recognizer, explanation) recorded before the work began. The record keeps one hash a note and one a recognizer,
/// so a mismatch names the note and the recognizer.
/// </summary>
/// <remarks>
/// A change meant to alter what is found (recall work) re-records: run this class with
/// <c>CADUCEUS_RECORD_FINDINGS=1</c>, check the diff of the record and commit it with the change.
/// </remarks>
public sealed class RecordedFindingsTests
{
    private const int NoteCount = 400;
    private const long Seed = 3031;
    private const string RecordFile = "phi-synthetic-findings.tsv";

    [Fact]
    public void Pattern_and_gazetteer_recognizers_find_what_was_recorded_on_generated_notes()
    {
        var actual = Record();
        if (Environment.GetEnvironmentVariable("CADUCEUS_RECORD_FINDINGS") == "1")
        {
            File.WriteAllLines(SourceRecordPath(), actual);
        }

        var expected = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Phi", "Recorded", RecordFile));
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i] == actual[i], $"record line {i + 1}: expected '{expected[i]}', got '{actual[i]}'");
        }

        // A record of nothing proves nothing: the notes must give plenty of findings to compare.
        Assert.True(actual.Take(NoteCount).Sum(line => int.Parse(line.Split('\t')[1], CultureInfo.InvariantCulture)) > 5000);
    }

    // One line a note (index, number of findings, hash of all recognizers' findings in order), then one line a
    // recognizer (name, number of findings, hash of its findings over every note).
    private static List<string> Record()
    {
        var detectors = Recognizers();
        var byRecognizer = detectors.ToDictionary(d => d.Name, _ => new List<Finding>(), StringComparer.Ordinal);
        var lines = new List<string>();
        var findings = new List<Finding>();
        var index = 0;
        foreach (var note in ClinicalCorpusGenerator.Generate(NoteCount, Seed))
        {
            var input = new DetectionInput(note.Document.Text, TextSource.User);
            findings.Clear();
            foreach (var detector in detectors)
            {
                var from = findings.Count;
                detector.Detect(input, findings);
                byRecognizer[detector.Name].AddRange(findings.Skip(from));
            }

            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{index}\t{findings.Count}\t{Hash(findings)}"));
            index++;
        }

        foreach (var (name, own) in byRecognizer)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{name}\t{own.Count}\t{Hash(own)}"));
        }

        return lines;
    }

    private static string Hash(List<Finding> findings)
    {
        var text = new StringBuilder();
        foreach (var f in findings)
        {
            text.Append(CultureInfo.InvariantCulture, $"{f.EntityType}|{f.Category}|{f.Start}|{f.Length}|{f.Score:R}|{f.Detector}|{f.Explanation}\n");
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static IDetector[] Recognizers() =>
    [
        new SsnRecognizer(), new PhoneRecognizer(), new EmailRecognizer(), new MrnRecognizer(), new DateRecognizer(),
        new AgeRecognizer(), new AddressRecognizer(), new UrlRecognizer(), new IpRecognizer(), new MbiRecognizer(),
        new HicnRecognizer(), new PaymentCardRecognizer(), new IbanRecognizer(), new AbaRoutingRecognizer(),
        new NpiRecognizer(), new DeaRecognizer(), new VinRecognizer(), new UdiRecognizer(),
        new LabelledIdentifierRecognizer(), new AlphanumericIdRecognizer(), new SpokenIdentifierRecognizer(),
        new NameRecognizer(),
    ];

    private static string SourceRecordPath([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Recorded", RecordFile);
}
