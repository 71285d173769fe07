using Caduceus.Detection.Phi.Learned;

namespace Caduceus.Detection.Tests.Phi.Learned;

public sealed class TrainingLanguageTests
{
    [Theory]
    [InlineData("I need a refill of my insulin.")]
    [InlineData("Pt c/o SOB, denies chest pain; f/u with cardiology next week.")]
    [InlineData("John Smith")]
    [InlineData("PATIENT: JOHN SMITH")]
    [InlineData("")]
    [InlineData("Why is Ivan so impulsive?")]
    [InlineData("She said Maria de la Cruz, 95 y/o, has had hay fever since childhood and is with the da Silva family.")]
    [InlineData("leone mazzi, nurse: leonemazzi@rhyta.com, https://www.example.com/de/la")]
    [InlineData("mrs. dawn jessen suite 085 23 r\u00FAa do paseo 11\nsalteras se 84782")]
    [InlineData("947 trg revolucije 17 apt. 858 begunje na gorenjskem slovenia.")]
    [InlineData("jared paavolainen\n\n16 salontie 6\n apt. 523\n urjala")]
    public void Reads_english_or_too_little_to_tell_as_english(string text) =>
        Assert.True(TrainingLanguage.IsEnglish(text));

    [Theory]
    [InlineData("Necesito resurtir mi insulina.")]
    [InlineData("Preciso renovar a receita da minha insulina.")]
    [InlineData("\u00BFAceptan Medicaid para limpiezas dentales?")]
    [InlineData("\u00BFPuedo cambiar mi cita del martes al jueves?")]
    [InlineData("Tem uma farm\u00E1cia dentro do hospital?")]
    [InlineData("\u6211\u9700\u8981\u7EED\u5F00\u80F0\u5C9B\u7D20\u3002")]
    public void Reads_spanish_portuguese_and_chinese_as_not_english(string text) =>
        Assert.False(TrainingLanguage.IsEnglish(text));
}
