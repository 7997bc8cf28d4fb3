using DystoniaBot.Conversation.Policy;

namespace DystoniaBot.Conversation.Tests.Policy;

public class PersonalQuestionDetectorTests
{
    [Theory]
    [InlineData("My neck muscles are tight and painful, do I have dystonia?")]
    [InlineData("Should I get botulinum toxin injections?")]
    [InlineData("what dose should my daughter take")]
    [InlineData("I'd like to know if my tremor is dystonia")]
    [InlineData("One of our residents keeps refusing her medication. Should we crush it into her food?")]
    [InlineData("daddys hand curls up when he writes, reckon he oughta see somebody")]
    [InlineData("mum has been twisting her neck all week. ought she to see someone")]
    [InlineData("a regular with a stiff twisted neck asks if botox would sort her out, is she a good candidate")]
    [InlineData("will he grow out of it")]
    [InlineData("patient with focal dystonia wants to double her tablets, is that ok for her?")]
    [InlineData("lorry driver, neck goes tight n sore on the long runs. is it dystonia or just stress from the job?")]
    [InlineData("Farmer. Right hand cramps up when milking, 2 year now. Worth seein a neuro or will it pass on its own?")]
    public void IsPersonal_ShouldBeTrue_ForTheAskersOwnHealth(string text)
    {
        Assert.True(PersonalQuestionDetector.IsPersonal(text));
    }

    [Theory]
    [InlineData("Is there a cure for dystonia?")]
    [InlineData("I'd like to know what causes dystonia")]
    [InlineData("Can you tell me how it is diagnosed?")]
    [InlineData("I have a question: is it hereditary?")]
    [InlineData("whats the difference between a panic attack and a heart attack, its for my first aid course")]
    [InlineData("how is dystonia diagnosed? im writing a leaflet for our support group")]
    [InlineData("for my nursing dissertation: are suicide rates higher in people with dystonia?")]
    [InlineData("can a mom with dystonia pass it to her kids")]
    [InlineData("can dystonia be passed from mum to baby")]
    [InlineData("is it usually mum or dad who passes it on")]
    [InlineData("does dystonia go away on its own?")]
    [InlineData("is dystonia worth worrying about or is it mild")]
    public void IsPersonal_ShouldBeFalse_ForGeneralQuestions(string text)
    {
        Assert.False(PersonalQuestionDetector.IsPersonal(text));
    }

    [Theory]
    [InlineData("My neck muscles are tight, do I have dystonia?", null, false, false)]
    [InlineData("I was diagnosed with cervical dystonia, should I try botox?", null, false, true)]
    [InlineData("my son (9) just got diagnosed with dystonia what does that mean", "son", true, true)]
    [InlineData("should my mum see someone about her twisting foot?", "mum", false, false)]
    [InlineData("my 6 yr old daughter has dystonia, will she need injections?", "daughter", true, true)]
    [InlineData("momma's foot turns in when she walks, should she get it looked at", "momma", false, false)]
    public void About_ShouldTellWhomTheQuestionIsAbout_AndWhetherTheyAreDiagnosed(string text, string? relation, bool child, bool diagnosed)
    {
        var about = PersonalQuestionDetector.About(text);

        Assert.Equal((relation, child, diagnosed), (about.Relation, about.IsChild, about.Diagnosed));
    }

    [Theory]
    [InlineData("my son (9) was diagnosed, what does that mean", "his", "him")]
    [InlineData("my mum has dystonia, should she try botox?", "her", "her")]
    [InlineData("my partner has dystonia, is it serious?", "their", "them")]
    public void About_ShouldNameTheRelativeAsTheyAre(string text, string possessive, string objective)
    {
        var about = PersonalQuestionDetector.About(text);

        Assert.Equal((possessive, objective), (about.Possessive, about.Objective));
    }

    [Theory]
    [InlineData("a regular asks if botox would sort her out, is she a good candidate", true, "her")]
    [InlineData("a pupil in my class has dystonia, will he grow out of it", true, "his")]
    [InlineData("customer wants an antihistamine, is that ok for her to take?", true, "her")]
    [InlineData("is he likely to pass it on to his kids", true, "his")]
    [InlineData("my neck twists, should i try botox", false, "their")]
    [InlineData("my son has dystonia, will he grow out of it", false, "his")]
    public void About_ShouldTellSomeoneNamedOnlyAsHeOrShe_FromTheWriter(string text, bool someoneElse, string possessive)
    {
        var about = PersonalQuestionDetector.About(text);

        Assert.Equal((someoneElse, possessive), (about.SomeoneElse, about.Possessive));
    }

    [Theory]
    [InlineData("My doctor used the word dystonia and I was too flustered to ask. Could you explain what it is?", false)]
    [InlineData("my son has just been diagnosed with dystonia, what does that mean?", false)]
    [InlineData("my son has dystonia, what does it mean for his schooling and should he see a physio?", true)]
    [InlineData("I think I have dystonia, what is it and should I see someone?", true)]
    [InlineData("the scan letter says focal dystonia of the hand. what does that mean for me", true)]
    public void IsPersonal_ShouldLeaveAQuestionOfWhatTheConditionIsToBeAnswered_UnlessItAsksForADecision(string text, bool personal)
    {
        Assert.Equal(personal, PersonalQuestionDetector.IsPersonal(text));
    }
}
