using DystoniaBot.Knowledge.Search;

namespace DystoniaBot.Knowledge.Tests.Search;

public class AnswerTypeTests
{
    [Theory]
    [InlineData("my neck is killing me, what helps", true)]
    [InlineData("what should i take for the cramps", true)]
    [InlineData("is there anything to ease the spasms at night", true)]
    [InlineData("how can she calm the twisting down", true)]
    [InlineData("what should i do to get a diagnosis", false)]
    [InlineData("what causes the cramps", false)]
    [InlineData("how long does it take to diagnose", false)]
    [InlineData("what should i do before my appointment", false)]
    public void AsksForRemedy_ShouldRecogniseAQuestionForWhatHelps(string question, bool expected)
    {
        Assert.Equal(expected, AnswerType.AsksForRemedy(question));
    }

    [Theory]
    [InlineData("The treatments that exist simply help to relieve symptoms.", true)]
    [InlineData("Injections of botulinum toxin can help.", true)]
    [InlineData("Symptoms vary and may include cramps and painful neck muscles.", false)]
    [InlineData("A medical examination is needed.", false)]
    public void StatesRemedy_ShouldRecogniseAPassageThatSaysWhatTreats(string text, bool expected)
    {
        Assert.Equal(expected, AnswerType.StatesRemedy(text));
    }

    [Theory]
    [InlineData("is baclofen used for it and whats a normal dose", true)]
    [InlineData("what is the usual dosage of artane", true)]
    [InlineData("how many people have dystonia", true)]
    [InlineData("how many kinds of dystonia are there", false)]
    [InlineData("caring for my son, hes on botox for his neck, can he have it more often than every 3 months?", true)]
    [InlineData("do the spasms come more often than not when im stressed", false)]
    [InlineData("i get botox every 3 months, does it help with the pain too?", false)]
    [InlineData("my spasms come more often than they used to, will it get worse", false)]
    [InlineData("dystonia have how many kind?", false)]
    [InlineData("is baclofen used for dystonia", false)]
    public void AsksForQuantity_ShouldRecogniseAQuestionForANumberOrADose(string question, bool expected)
    {
        Assert.Equal(expected, AnswerType.AsksForQuantity(question));
    }
}
