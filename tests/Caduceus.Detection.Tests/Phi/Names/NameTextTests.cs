using Caduceus.Detection.Phi.Names;

namespace Caduceus.Detection.Tests.Phi.Names;

[Collection(nameof(NameTestGroup))]
public sealed class NameTextTests
{
    [Theory]
    [InlineData("José", "Jose")]
    [InlineData("Nguyễn", "Nguyen")]
    [InlineData("Łukasz", "Lukasz")]
    [InlineData("Øyvind", "Oyvind")]
    [InlineData("Strauß", "Strauss")]
    [InlineData("O’Brien", "O'Brien")]
    [InlineData("Jose\u0301", "Jose")]
    [InlineData("Smith", "Smith")]
    public void Folds_accents_and_apostrophes(string word, string expected)
    {
        Assert.Equal(expected, NameText.Fold(word));
    }

    [Theory]
    [InlineData("Смирнов", false, "Smirnov")]
    [InlineData("Юлия", false, "Yuliya")]
    [InlineData("Сергей", false, "Sergey")]
    [InlineData("Олександр", true, "Oleksandr")]
    [InlineData("Григорій", true, "Hryhoriy")]
    [InlineData("Παπαδόπουλος", false, "Papadopoulos")]
    [InlineData("Γεώργιος", false, "Georgios")]
    [InlineData("ბერიძე", false, "beridze")]
    [InlineData("Maria", false, "Maria")]
    public void Romanizes_cyrillic_greek_and_georgian(string word, bool ukrainian, string expected)
    {
        Assert.Equal(expected, NameText.Romanize(word, ukrainian));
    }

    [Theory]
    [InlineData("王伟")]
    [InlineData("محمد")]
    public void Does_not_romanize_other_scripts(string word)
    {
        Assert.Null(NameText.Romanize(word));
    }
}
