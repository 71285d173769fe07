using Caduceus.Detection.Phi.Learned;

namespace Caduceus.Detection.Tests.Phi.Learned;

/// <summary>
/// The built-in model on hand-written text (none of it from the evaluation data): identifiers the pattern
/// recognizers have no rule for, and the checks that keep a learned label from reporting what its type cannot be.
/// </summary>
[Collection(SequentialScans.Name)]
public sealed class PhiTaggerTests
{
    private static readonly PhiTagger Tagger = new();

    private static List<(string Type, string Text)> Tag(string text)
    {
        var findings = new List<Finding>();
        Tagger.Detect(new DetectionInput(text, TextSource.User), findings);
        Assert.All(findings, f => Assert.InRange(f.Score, 0.5, 0.85));
        return [.. findings.Select(f => (f.EntityType, text[f.Start..f.End]))];
    }

    [Fact]
    public void Finds_a_foreign_street_address_the_us_address_rules_do_not_cover()
    {
        var found = Tag("Please send the new card to Kauppakatu 14 B 7, 40100 Jyväskylä, Finland.");

        Assert.Contains(found, f => f.Type == EntityTypes.Address && f.Text.Contains("Kauppakatu 14", StringComparison.Ordinal));
    }

    [Fact]
    public void Finds_a_phone_number_in_a_european_format_and_covers_all_of_it()
    {
        var found = Tag("You can reach me on 0471 23 45 67 after six.");

        Assert.Contains((EntityTypes.Phone, "0471 23 45 67"), found);
    }

    [Fact]
    public void Finds_a_name_of_unusual_origin_after_a_cue()
    {
        var found = Tag("Hello, this is Oyelaran Adebayo-Whitfield calling about my prescription.");

        Assert.Contains(found, f => f.Type == EntityTypes.Name && f.Text.Contains("Oyelaran", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Vitals: HR 88, RR 16, BP 132/84, SpO2 97% on room air, temp 37.2 C. Pain 4/10.")]
    [InlineData("Continue metformin 1000 mg BID and recheck A1c in 3 months; G2P1 at 28w4d.")]
    [InlineData("She moved here from Illinois in 2019 and works as a teacher.")]
    [InlineData("Cover the topics in short sections with headings. First, what blood sugar is. Second, how metformin works.")]
    [InlineData("remove it")]
    public void Reports_nothing_in_clinical_or_technical_text_without_identifiers(string text) =>
        Assert.Empty(Tag(text));

    [Fact]
    public void Never_reports_an_ipv4_address_as_a_phone_number()
    {
        var found = Tag("The monitor at 10.20.30.40 and the pump at 192.168.100.254 went offline.");

        Assert.DoesNotContain(found, f => f.Type is EntityTypes.Phone or EntityTypes.Fax);
    }

    [Theory]
    [InlineData("Necesito resurtir mi insulina.")]
    [InlineData("\u00BFPuedo cambiar mi cita del martes al jueves?")]
    [InlineData("Preciso renovar a receita da minha insulina.")]
    [InlineData("Posso mudar minha consulta de ter\u00E7a para quinta-feira?")]
    [InlineData("\u00BFAceptan Medicaid para limpiezas dentales?")]
    [InlineData("Estou com dor no peito e falta de ar agora.")]
    [InlineData("\u6211\u9700\u8981\u7EED\u5F00\u80F0\u5C9B\u7D20\u3002")]
    public void Reports_no_name_in_ordinary_requests_in_languages_it_was_not_trained_on(string text) =>
        Assert.DoesNotContain(Tag(text), f => f.Type == EntityTypes.Name);

    [Theory]
    [InlineData("\u00BFA qu\u00E9 hora abre la cl\u00EDnica el s\u00E1bado?")]
    [InlineData("Quiero cancelar mi consulta de ma\u00F1ana porque me siento mejor.")]
    [InlineData("Por favor envie as novas instru\u00E7\u00F5es para minha filha em vez de para mim.")]
    public void Reports_no_address_in_ordinary_requests_in_languages_it_was_not_trained_on(string text) =>
        Assert.DoesNotContain(Tag(text), f => f.Type == EntityTypes.Address);

    [Theory]
    [InlineData("Mi hija Xochitl Quispe necesita una cita para el jueves.", "Xochitl Quispe")]
    [InlineData("Preciso marcar uma consulta para o meu pai, Oyelaran Adebayo.", "Oyelaran Adebayo")]
    public void Still_finds_a_capitalized_name_inside_a_request_in_another_language(string text, string name) =>
        Assert.Contains(Tag(text), f => f.Type == EntityTypes.Name && f.Text.Contains(name, StringComparison.Ordinal));
}
