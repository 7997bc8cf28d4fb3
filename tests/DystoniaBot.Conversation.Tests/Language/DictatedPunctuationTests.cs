using DystoniaBot.Conversation.Language;

namespace DystoniaBot.Conversation.Tests.Language;

public class DictatedPunctuationTests
{
    [Theory]
    [InlineData("what is an emg full stop is it painful question mark", "what is an emg. is it painful?")]
    [InlineData("hello there full stop", "hello there.")]
    [InlineData("my neck comma my hand and my eyelid new line is it dystonia", "my neck, my hand and my eyelid\n is it dystonia")]
    [InlineData("thank you so much exclamation mark", "thank you so much!")]
    [InlineData("Is There A Cure Question Mark", "Is There A Cure?")]
    public void Read_ShouldWriteDictatedPunctuationAsMarks(string dictated, string expected)
    {
        Assert.Equal(expected, DictatedPunctuation.Read(dictated));
    }

    [Theory]
    [InlineData("is there a full stop to the spasms or do they go on")]
    [InlineData("there is a question mark over my diagnosis")]
    [InlineData("he fell into a comma after the fall")]
    [InlineData("is there a cure?")]
    public void Read_ShouldLeaveWordsMeantAsWords(string text)
    {
        Assert.Same(text, DictatedPunctuation.Read(text));
    }
}
