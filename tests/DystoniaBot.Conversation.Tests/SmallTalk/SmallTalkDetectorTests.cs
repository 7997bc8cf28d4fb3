using DystoniaBot.Conversation.Policy;
using DystoniaBot.Conversation.SmallTalk;
using DystoniaBot.Testing;

namespace DystoniaBot.Conversation.Tests.SmallTalk;

public class SmallTalkDetectorTests
{
    [Theory]
    [InlineData("hello", SmallTalkKind.Greeting)]
    [InlineData("Good morning!", SmallTalkKind.Greeting)]
    [InlineData("thank you", SmallTalkKind.Thanks)]
    [InlineData("thanks a lot, that helped", SmallTalkKind.Thanks)]
    [InlineData("cheers, have a nice day", SmallTalkKind.Goodbye)]
    [InlineData("night night, off to bed", SmallTalkKind.Goodbye)]
    [InlineData("thanks pal, tara", SmallTalkKind.Goodbye)]
    [InlineData("cheers fer that hen", SmallTalkKind.Thanks)]
    [InlineData("ur a legend", SmallTalkKind.Thanks)]
    [InlineData("howzit", SmallTalkKind.Greeting)]
    [InlineData("gday", SmallTalkKind.Greeting)]
    [InlineData("habari yako", SmallTalkKind.Greeting)]
    [InlineData("good evening from tyrone, how're ya keeping", SmallTalkKind.Greeting)]
    [InlineData("kia ora", SmallTalkKind.Greeting)]
    [InlineData("talofa lava", SmallTalkKind.Greeting)]
    [InlineData("bula vinaka!", SmallTalkKind.Greeting)]
    [InlineData("kiitos paljon", SmallTalkKind.Thanks)]
    [InlineData("mesi anpil", SmallTalkKind.Thanks)]
    [InlineData("gud mornin bot 🌞", SmallTalkKind.Greeting)]
    [InlineData("good evenin all", SmallTalkKind.Greeting)]
    [InlineData("cheers pal, braw", SmallTalkKind.Thanks)]
    [InlineData("appreciate it fam 🙏", SmallTalkKind.Thanks)]
    [InlineData("cheers bud sound", SmallTalkKind.Thanks)]
    [InlineData("cheers my lover", SmallTalkKind.Thanks)]
    [InlineData("asante sana rafiki", SmallTalkKind.Thanks)]
    [InlineData("muito obrigada!! muito útil", SmallTalkKind.Thanks)]
    [InlineData("xie xie", SmallTalkKind.Thanks)]
    [InlineData("cam on ban", SmallTalkKind.Thanks)]
    [InlineData("ka kite ano, chur", SmallTalkKind.Goodbye)]
    [InlineData("kwaheri", SmallTalkKind.Goodbye)]
    [InlineData("nice to meet you", SmallTalkKind.Greeting)]
    [InlineData("thanks heaps", SmallTalkKind.Thanks)]
    [InlineData("ur gr8 ngl", SmallTalkKind.Thanks)]
    [InlineData("superb, appreciated", SmallTalkKind.Thanks)]
    [InlineData("honestly youre more helpful than my neurologist", SmallTalkKind.Thanks)]
    [InlineData("see ya later alligator", SmallTalkKind.Goodbye)]
    [InlineData("gn, see ya tomorrow", SmallTalkKind.Goodbye)]
    [InlineData("bonne nuit", SmallTalkKind.Goodbye)]
    [InlineData("youre so helpful, better than google", SmallTalkKind.Thanks)]
    [InlineData("ur honestly better than my gp at explaining stuff haha", SmallTalkKind.Thanks)]
    [InlineData("lowkey ur goated tbh", SmallTalkKind.Thanks)]
    [InlineData("ur way better at explaining stuff than my old gp", SmallTalkKind.Thanks)]
    [InlineData("gotta dash now, ttyl", SmallTalkKind.Goodbye)]
    [InlineData("am i talking to a real person right now", SmallTalkKind.Identity)]
    [InlineData("your literally elite fr", SmallTalkKind.Thanks)]
    [InlineData("diolch yn fawr!", SmallTalkKind.Thanks)]
    [InlineData("go raibh maith agat", SmallTalkKind.Thanks)]
    [InlineData("ta ra", SmallTalkKind.Goodbye)]
    [InlineData("hi from lagos", SmallTalkKind.Greeting)]
    [InlineData("you are a real gem, better than any specialist", SmallTalkKind.Thanks)]
    [InlineData("ok thanks bye", SmallTalkKind.Goodbye)]
    [InlineData("thanks so much xx", SmallTalkKind.Thanks)]
    [InlineData("thx sm :)", SmallTalkKind.Thanks)]
    [InlineData("ok great thanks", SmallTalkKind.Thanks)]
    [InlineData("gracias, thank you", SmallTalkKind.Thanks)]
    [InlineData("what is this bot for", SmallTalkKind.Help)]
    [InlineData("bye", SmallTalkKind.Goodbye)]
    [InlineData("what can you do?", SmallTalkKind.Help)]
    [InlineData("what kinds of questions can I ask you", SmallTalkKind.Help)]
    [InlineData("help", SmallTalkKind.Help)]
    [InlineData("who are you?", SmallTalkKind.Identity)]
    [InlineData("are you a real doctor or a bot?", SmallTalkKind.Identity)]
    [InlineData("how long do the staff take to answer?", SmallTalkKind.AboutAnswerTime)]
    [InlineData("when will i get an answer", SmallTalkKind.AboutAnswerTime)]
    [InlineData("how do i come back to my answer tomorrow?", SmallTalkKind.AboutComingBack)]
    [InlineData("can i close the page now?", SmallTalkKind.AboutComingBack)]
    [InlineData("who writes the answers?", SmallTalkKind.AboutSources)]
    [InlineData("where does your information come from", SmallTalkKind.AboutSources)]
    [InlineData("is this chat private?", SmallTalkKind.AboutPrivacy)]
    [InlineData("how long do you keep my messages", SmallTalkKind.AboutPrivacy)]
    [InlineData("ok goodbye take care", SmallTalkKind.Goodbye)]
    [InlineData("thank you sir, God bless you", SmallTalkKind.Thanks)]
    [InlineData("thank you so much, you explained it better than the doctor. God bless you", SmallTalkKind.Thanks)]
    [InlineData("shukran brother very good", SmallTalkKind.Thanks)]
    [InlineData("salam alaikum", SmallTalkKind.Greeting)]
    [InlineData("Assalam o alaikum", SmallTalkKind.Greeting)]
    [InlineData("hola buenas tardes", SmallTalkKind.Greeting)]
    [InlineData("yo wassup", SmallTalkKind.Greeting)]
    [InlineData("hey there can you hear me okay um hi", SmallTalkKind.Greeting)]
    [InlineData("dziękuję bardzo, thank you", SmallTalkKind.Thanks)]
    [InlineData("good morning, how are you doing", SmallTalkKind.Greeting)]
    [InlineData("hello, sorry for my bad spelling, i am writing with one hand", SmallTalkKind.Greeting)]
    [InlineData("bom dia! my english is not so good, do you speak portuguese?", SmallTalkKind.Greeting)]
    [InlineData("hey how r u doing this morning", SmallTalkKind.Greeting)]
    [InlineData("hi hows your day going", SmallTalkKind.Greeting)]
    [InlineData("thanks 🙏🏽", SmallTalkKind.Thanks)]
    [InlineData("great, bye 👋😊", SmallTalkKind.Goodbye)]
    [InlineData("are you a bot haha", SmallTalkKind.Identity)]
    [InlineData("bonsoir 👋", SmallTalkKind.Greeting)]
    [InlineData("how far, hope you dey well", SmallTalkKind.Greeting)]
    [InlineData("Thank you my dear. Goodnight. - Grandpa Joe", SmallTalkKind.Goodbye)]
    [InlineData("you are honestly so helpful", SmallTalkKind.Thanks)]
    [InlineData("just testing", SmallTalkKind.Greeting)]
    [InlineData("hiya bab", SmallTalkKind.Greeting)]
    [InlineData("test 123", SmallTalkKind.Greeting)]
    [InlineData("shalom, just testing if this thing works", SmallTalkKind.Greeting)]
    [InlineData("gud nite po, tnx", SmallTalkKind.Goodbye)]
    [InlineData("👋😊", SmallTalkKind.Greeting)]
    [InlineData("🙏", SmallTalkKind.Thanks)]
    [InlineData("👍👍", SmallTalkKind.Thanks)]
    [InlineData("Mahadsanid", SmallTalkKind.Thanks)]
    [InlineData("Faleminderit!", SmallTalkKind.Thanks)]
    [InlineData("na gode", SmallTalkKind.Thanks)]
    [InlineData("salam alaikum doctor", SmallTalkKind.Greeting)]
    [InlineData("aloha brah, howzit", SmallTalkKind.Greeting)]
    [InlineData("Kia ora whanau", SmallTalkKind.Greeting)]
    [InlineData("Hallo! Hoe gaat het?", SmallTalkKind.Greeting)]
    [InlineData("Góðan daginn from Reykjavik 👋", SmallTalkKind.Greeting)]
    [InlineData("goood nighhht", SmallTalkKind.Goodbye)]
    [InlineData("mahadsanid, nabad gelyo", SmallTalkKind.Goodbye)]
    public void Detect_ShouldRecogniseSmallTalk(string text, SmallTalkKind kind)
    {
        Assert.Equal(kind, SmallTalkDetector.Detect(text));
    }

    [Theory]
    [InlineData("hi, is there a cure?")]
    [InlineData("thanks, and what about treatment?")]
    [InlineData("What are the symptoms?")]
    [InlineData("good treatments?")]
    [InlineData("how long does it take for botox to work?")]
    [InlineData("how long will it take before the injections help")]
    [InlineData("who makes the decision about surgery?")]
    [InlineData("how soon do symptoms appear?")]
    [InlineData("hello is there a cure for this")]
    [InlineData("ok so what causes it")]
    [InlineData("thank you, but can it be passed on to children?")]
    [InlineData("good morning my mother has it in her neck")]
    [InlineData("hi, sorry for my english, is dystonia hereditary?")]
    [InlineData("sorry to bother you, what does botox do")]
    [InlineData("hi how are you, is botox safe 👍")]
    [InlineData("thanks - is there a cure")]
    [InlineData("is there a test for dystonia")]
    [InlineData("testing for dystonia")]
    [InlineData("😭😭")]
    [InlineData("🚑")]
    [InlineData("🤕💊")]
    [InlineData("god bless you for being here does botox hurt?")]
    [InlineData("hello from the hospital, is dystonia genetic")]
    public void Detect_ShouldLeaveRealQuestionsAlone(string text)
    {
        Assert.Null(SmallTalkDetector.Detect(text));
    }

    [Theory]
    [InlineData("Hi, is there a cure?", "is there a cure?")]
    [InlineData("hello there: what causes it", "what causes it")]
    [InlineData("Highly painful?", "Highly painful?")]
    [InlineData("gday, does it run in families", "does it run in families")]
    [InlineData("gud mornin, what causes it", "what causes it")]
    [InlineData("morning stiffness, is it dystonia?", "morning stiffness, is it dystonia?")]
    [InlineData("howdy yall, what causes it", "what causes it")]
    [InlineData("Olá, what means dystonia?", "what means dystonia?")]
    [InlineData("Oil on the neck, does it help?", "Oil on the neck, does it help?")]
    public void StripGreeting_ShouldRemoveOnlyAnOpeningGreeting(string text, string expected)
    {
        Assert.Equal(expected, SmallTalkDetector.StripGreeting(text));
    }

    [Fact]
    public void AQuestionAboutPrivacy_ShouldBeAnsweredWithTheServicesOwnRetention()
    {
        var options = new ConversationOptions();
        options.Service.ConversationRetentionDays = 14;
        options.Service.TicketRetentionDays = 60;

        var reply = TestKnowledge.Policy(options).Respond("how long do you keep my messages?", null, ConversationState.Empty).Reply;

        Assert.Equal(SmallTalkKind.AboutPrivacy, reply.SmallTalk);
        Assert.Contains("14 days", reply.Text, StringComparison.Ordinal);
        Assert.Contains("60 days", reply.Text, StringComparison.Ordinal);
        Assert.Contains("delete my data", reply.Text, StringComparison.Ordinal);
    }
}
