namespace DystoniaBot.Conversation.Tests;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("gr8 so i had my botox 2day, wud it b ok 2 have another dose", "great so i had my botox today, wud it b ok to have another dose")]
    [InlineData("need 2 kno 4 2moro's exam", "need to kno 4 tomorrow's exam")]
    [InlineData("my son took 4 tonight by mistake", "my son took 4 tonight by mistake")]
    [InlineData("my son is 2 do kids grow out of it", "my son is 2 do kids grow out of it")]
    [InlineData("Took 2 tablets b4 bed", "Took 2 tablets before bed")]
    [InlineData("had it 4 years, 2 weeks ago it got worse", "had it 4 years, 2 weeks ago it got worse")]
    [InlineData("dose 2.5 mg, 1/2 a tablet", "dose 2.5 mg, 1/2 a tablet")]
    public void ReadTexting_ShouldWriteOutDigitsThatStandForWords_Only(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.ReadTexting(text));
    }

    [Fact]
    public void Normalize_ShouldReadTextingBeforeTheDetectorsDo()
    {
        Assert.Equal("took 20 of them tonight, would it be bad", TextNormalizer.Normalize("Took 20 of them 2nite, wud it be bad"));
    }
}
