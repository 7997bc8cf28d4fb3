using DystoniaBot.Conversation.Language;

namespace DystoniaBot.Conversation.Tests.Language;

public class AutocorrectedTitleTests
{
    [Theory]
    [InlineData("dystopia meaning medical", "dystonia meaning medical")]
    [InlineData("dynasty symptoms in neck", "dystonia symptoms in neck")]
    [InlineData("does dystopia run in families", "does dystonia run in families")]
    [InlineData("Dystopia definition?? ugh autocorrect, the muscle one i mean", "dystonia definition?? ugh autocorrect, the muscle one i mean")]
    [InlineData("wat is dystopia?? doc mentioned it", "wat is dystonia?? doc mentioned it")]
    [InlineData("bot ox for dystopia does it work", "bot ox for dystonia does it work")]
    public void Read_ShouldReadAutocorrectsWord_AsDystonia_WhenTheMessageSpeaksOfHealth(string text, string read)
    {
        Assert.Equal(read, AutocorrectedTitle.Read(text));
    }

    [Theory]
    [InlineData("recommend me a good dystopian novel")]
    [InlineData("what was the longest chinese dynasty")]
    [InlineData("how do i stop my phone changing dystonia to dystopia")]
    public void Read_ShouldLeaveTheWord_WhenItMeansItself(string text)
    {
        Assert.Same(text, AutocorrectedTitle.Read(text));
    }
}
