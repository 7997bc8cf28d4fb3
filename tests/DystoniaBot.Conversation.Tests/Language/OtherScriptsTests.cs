using DystoniaBot.Conversation.Language;

namespace DystoniaBot.Conversation.Tests.Language;

public class OtherScriptsTests
{
    [Theory]
    [InlineData("Помогите! у бабушки лицо перекосило", true)]
    [InlineData("ο παππούς μου έπεσε", true)]
    [InlineData("ჩემი დედა ცუდად არის help", true)] // four Georgian words, one English
    [InlineData("help my mum ცუდად", false)]
    [InlineData("我妈妈 has cervical dystonia", false)]
    [InlineData("bệnh loạn trương lực cơ là gì", false)] // Vietnamese is Latin letters
    [InlineData("żółć, ćma, łódź", false)]
    [InlineData("!!! 112 ???", false)]
    [InlineData("", false)]
    public void AreMostOf_ShouldTellWhenMostWordsAreInAScriptOtherThanLatin(string text, bool expected) =>
        Assert.Equal(expected, OtherScripts.AreMostOf(text));
}
