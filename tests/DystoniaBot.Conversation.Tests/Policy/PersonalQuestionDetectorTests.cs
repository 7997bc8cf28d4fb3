using DystoniaBot.Conversation.Policy;

namespace DystoniaBot.Conversation.Tests.Policy;

public class PersonalQuestionDetectorTests
{
    [Theory]
    [InlineData("My neck muscles are tight and painful, do I have dystonia?")]
    [InlineData("Should I get botulinum toxin injections?")]
    [InlineData("what dose should my daughter take")]
    [InlineData("I'd like to know if my tremor is dystonia")]
    public void IsPersonal_ShouldBeTrue_ForTheAskersOwnHealth(string text)
    {
        Assert.True(PersonalQuestionDetector.IsPersonal(text));
    }

    [Theory]
    [InlineData("Is there a cure for dystonia?")]
    [InlineData("I'd like to know what causes dystonia")]
    [InlineData("Can you tell me how it is diagnosed?")]
    [InlineData("I have a question: is it hereditary?")]
    public void IsPersonal_ShouldBeFalse_ForGeneralQuestions(string text)
    {
        Assert.False(PersonalQuestionDetector.IsPersonal(text));
    }
}
