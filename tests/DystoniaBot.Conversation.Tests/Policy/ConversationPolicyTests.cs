using DystoniaBot.Conversation.Policy;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Search;
using DystoniaBot.Testing;
using Microsoft.Extensions.Options;
using Moq;

namespace DystoniaBot.Conversation.Tests.Policy;

public class ConversationPolicyTests
{
    private static readonly ConversationPolicy Policy = TestKnowledge.Policy();

    private static BotReply Ask(string text, string? locale = "en-US") =>
        Policy.Respond(text, locale, ConversationState.Empty).Reply;

    [Fact]
    public void Respond_ShouldAnswerWithPassageSourceAndDisclaimer()
    {
        var reply = Ask("is there a cure?");

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("dystonia#4", reply.Answer!.Passage.Id);
        Assert.Equal("Dystonia has no cure.", reply.Answer.Sentence);
        Assert.Equal("CCM Health", reply.Answer.Source.Publisher);
        Assert.Contains("neurologist", reply.Disclaimer, StringComparison.Ordinal);
        Assert.False(reply.Escalate);
        Assert.InRange(reply.FollowUps.Count, 1, 3);
    }

    [Theory]
    [InlineData("who wrote this article")]
    [InlineData("can i copy this info into our support newsletter or is it copyrighted")]
    [InlineData("where is this info from")]
    public void Respond_ShouldQuoteTheArticlesCreditLine_ToAQuestionAboutTheArticleItself(string text)
    {
        var reply = Ask(text);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(Passage.CreditId("dystonia"), reply.Answer!.Passage.Id);
        Assert.Contains("Creative Commons", reply.Answer.Passage.Text, StringComparison.Ordinal);
        Assert.Contains("CCM Health", reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("Any copy, reuse", reply.Answer.Sentence, StringComparison.Ordinal);
        Assert.True(reply.WholePassage);
        Assert.Contains("neurologist", reply.Disclaimer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is CCM a medical website or what", "CCM is a leading international tech website.")]
    [InlineData("who is jeff pillou", "Our content is written in collaboration with IT experts, under the direction of Jeff Pillou, founder of CCM.net.")]
    [InlineData("what languages is this site in", "CCM reaches more than 50 million unique visitors per month and is available in 11 languages.")]
    [InlineData("is this website trustworthy", "CCM is a leading international tech website.")]
    public void Respond_ShouldQuoteWhatThePublisherSaysOfItself_ToAQuestionAboutThePublisher(string text, string sentence)
    {
        var reply = Ask(text);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(Passage.PublisherId("dystonia"), reply.Answer!.Passage.Id);
        Assert.Equal(sentence, reply.Answer.Sentence);
        Assert.Contains("Creative Commons", reply.Answer.Passage.Text, StringComparison.Ordinal);
        Assert.StartsWith("My answers quote «Dystonia», published by CCM Health.", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.WholePassage);
    }

    [Theory]
    [InlineData("what is this page about")]
    [InlineData("is ccm right that dystonia has no cure")]
    public void Respond_ShouldNotTakeAQuestionAboutDystonia_ForOneAboutThePublisher(string text)
    {
        Assert.NotEqual(Passage.PublisherId("dystonia"), Ask(text).Answer?.Passage.Id);
    }

    [Fact]
    public void Respond_ShouldNotAnswerAboutThePublisher_WhenItsPageSaysNothingOfIt()
    {
        var source = TestKnowledge.Index.Documents[0].Source with { PublisherAbout = null };
        var search = new Mock<IKnowledgeSearch>();
        search.Setup(s => s.Documents).Returns([new KnowledgeDocument("dystonia", source, [], "dystonia.md")]);
        search.Setup(s => s.Lexicon).Returns(TestKnowledge.Index.Lexicon);
        var policy = new ConversationPolicy(search.Object, Options.Create(new ConversationOptions()), new StarterQuestions([]), TestKnowledge.Readers);

        var reply = policy.Respond("who runs this site", "en-GB", ConversationState.Empty).Reply;

        Assert.NotEqual(Passage.PublisherId("dystonia"), reply.Answer?.Passage.Id);
    }

    [Fact]
    public void Respond_ShouldGoOnToTheArticlesFirstParagraph_AfterItsCreditLine()
    {
        var credit = Policy.Respond("who wrote this?", "en-US", ConversationState.Empty);

        var more = Policy.Respond("tell me more", "en-US", credit.State).Reply;

        Assert.Equal("dystonia#1", more.Answer?.Passage.Id);
    }

    [Fact]
    public void Respond_ShouldSayWhatTheAnswersComeFrom_WhenSeveralArticlesCouldBeMeant()
    {
        var source = TestKnowledge.Index.Documents[0].Source;
        KnowledgeDocument Article(string id) => new(id, source with { Title = id }, [], id + ".md");
        var search = new Mock<IKnowledgeSearch>();
        search.Setup(s => s.Documents).Returns([Article("dystonia"), Article("blepharospasm")]);
        search.Setup(s => s.Lexicon).Returns(TestKnowledge.Index.Lexicon);
        var policy = new ConversationPolicy(search.Object, Options.Create(new ConversationOptions()), new StarterQuestions([]), TestKnowledge.Readers);

        var reply = policy.Respond("who wrote this article", "en-GB", ConversationState.Empty).Reply;

        Assert.Equal(ReplyKind.SmallTalk, reply.Kind);
        Assert.Equal(DystoniaBot.Conversation.SmallTalk.SmallTalkKind.AboutSources, reply.SmallTalk);
        Assert.Contains("«blepharospasm»", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hi, is there a cure?")]
    [InlineData("hello is there a cure for this")]
    [InlineData("is there a cure for dis tonia")]
    [InlineData("im a yoga teacher, quick one: is there a cure?")]
    public void Respond_ShouldAnswerTheQuestion_WhateverOpensIt_OrHowDictationSplitIt(string text)
    {
        var reply = Ask(text);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("dystonia#4", reply.Answer!.Passage.Id);
    }

    [Theory]
    [InlineData("whatarethesymptomsofdystonia", ReplyKind.Answer)]
    [InlineData("cantbreathewellsincebotoxinjectionthroatfeelsclosingplease", ReplyKind.Emergency)]
    public void Respond_ShouldReadAMessageTypedWithoutASpace(string text, ReplyKind kind)
    {
        Assert.Equal(kind, Ask(text).Kind);
    }

    [Theory]
    [InlineData("what is the sensory trick in dystonia", null)]
    [InlineData("what is the meaning of dystonia? my lola was told she has it", "dystonia#1")]
    [InlineData("whats distonia my doctor rote it on the leter", "dystonia#1")]
    [InlineData("hello, I am typing this for my grandad who is 90 and can't see the screen. the specialist said dystonia. what is that", "dystonia#1")]
    [InlineData("my dad has dystonia, what is it", "dystonia#1")]
    [InlineData("what is dis tonic? the nurse said my aunt has it", "dystonia#1")]
    public void Respond_ShouldDefineTheSubject_OnlyWhenItIsWhatIsAskedAbout(string text, string? passage)
    {
        var reply = Ask(text);

        Assert.Equal(passage, reply.Kind == ReplyKind.Answer ? reply.Answer!.Passage.Id : null);
    }

    [Theory]
    [InlineData("A student with dystonia in my class wants to do PE. Should I let him join in?")]
    [InlineData("One of our residents with dystonia keeps refusing her medication. Should we crush it into her food?")]
    public void Respond_ShouldEscalate_ADecisionAboutSomeoneWithTheCondition_ThoughTheArticleSaysNothingOfIt(string text)
    {
        var reply = Ask(text);

        Assert.True(reply.Escalate);
        Assert.True(reply.OffersHandoff);
    }

    [Fact]
    public void Respond_ShouldSearchOtherLanguagesWordsInEnglish_AndKeepTheAskersWordsForStaff()
    {
        const string Question = "distonia es hereditaria? mi abuela tiene distonia";

        var turn = Policy.Respond(Question, "es-ES", ConversationState.Empty);

        Assert.Equal("dystonia is hereditary? my grandmother has dystonia", Policy.SearchText(Question));
        Assert.Equal(ReplyKind.Answer, turn.Reply.Kind);
        Assert.Contains("hereditary", turn.Reply.Answer!.Sentence, StringComparison.OrdinalIgnoreCase);
        var unanswered = Policy.Respond("cuanto cuesta el botox para la distonia en mexico?", "es-ES", ConversationState.Empty);
        Assert.Equal("cuanto cuesta el botox para la distonia en mexico?", unanswered.State.LastUnanswered);
    }

    [Theory]
    [InlineData("delete my data")]
    [InlineData("Please can you erase all my messages?")]
    [InlineData("forget me")]
    [InlineData("i want you to delete this conversation")]
    public void Respond_ShouldAskBeforeDeletingTheUsersData(string text)
    {
        var turn = Policy.Respond(text, "en-GB", ConversationState.Empty);

        Assert.True(turn.State.PendingErase);
        Assert.Null(turn.Action);
        Assert.Contains("can't be undone", turn.Reply.Text, StringComparison.Ordinal);
        Assert.Equal([ConversationPolicy.EraseButton, ConversationPolicy.KeepButton], turn.Reply.FollowUps);
    }

    [Theory]
    [InlineData(ConversationPolicy.EraseButton)]
    [InlineData("yes")]
    [InlineData("yes delete it")]
    [InlineData("ok, delete everything")]
    public void Respond_ShouldEraseTheConversation_OnceConfirmed(string confirmation)
    {
        var asked = Policy.Respond("delete my data", "en-GB", ConversationState.Empty.After("dystonia#1") with { LastUnanswered = "is it catching?" });

        var turn = Policy.Respond(confirmation, "en-GB", asked.State);

        Assert.Equal(HandoffActionKind.EraseConversation, turn.Action?.Kind);
        Assert.Equal(ConversationState.Empty, turn.State);
    }

    [Fact]
    public void Respond_ShouldDeleteNothing_WhenTheUserSaysNo_OrAsksSomethingElse()
    {
        var asked = Policy.Respond("delete my data", "en-GB", ConversationState.Empty);

        var no = Policy.Respond(ConversationPolicy.KeepButton, "en-GB", asked.State);
        var question = Policy.Respond("is there a cure?", "en-GB", asked.State);

        Assert.Null(no.Action);
        Assert.False(no.State.PendingErase);
        Assert.Contains("nothing was deleted", no.Reply.Text, StringComparison.Ordinal);
        Assert.Null(question.Action);
        Assert.Equal(ReplyKind.Answer, question.Reply.Kind);
        Assert.False(question.State.PendingErase);
    }

    [Theory]
    [InlineData("my student told me she has a plan to kill herself after school", true)]
    [InlineData("my son keeps saying he wants to end his life", true)]
    [InlineData("my friend posted this on her story an hour ago: 'tired of fighting this body. made my peace. love you all x'", true)]
    [InlineData("ma pal says hes gonnae end it the night, hes up on the bridge the noo", true)]
    [InlineData("I want to kill myself", false)]
    [InlineData("my mum says I should talk to someone because I want to end my life", false)]
    public void Respond_ShouldSpeakToTheHelper_WhenTheCrisisIsSomeoneElses(string text, bool someoneElse)
    {
        var reply = Ask(text, "en-GB");

        Assert.Equal(ReplyKind.Emergency, reply.Kind);
        Assert.Contains("999", reply.Text, StringComparison.Ordinal);
        Assert.Equal(someoneElse, reply.Text.Contains("stay with them", StringComparison.Ordinal));
        Assert.Equal(!someoneElse, reply.Text.Contains("you're going through this", StringComparison.Ordinal));
    }

    [Fact]
    public void Respond_ShouldCheckRedFlagsBeforeAnySearch()
    {
        var search = new Mock<IKnowledgeSearch>(MockBehavior.Strict);
        // The articles' words and the common words are read (for shorthand and dictation); nothing is searched.
        search.Setup(s => s.Documents).Returns([]);
        search.Setup(s => s.Lexicon).Returns(TestKnowledge.Index.Lexicon);
        var policy = new ConversationPolicy(search.Object, Options.Create(new ConversationOptions()), new StarterQuestions([]), TestKnowledge.Readers);

        var reply = policy.Respond("I can't breathe, is this dystonia?", "en-GB", ConversationState.Empty).Reply;

        Assert.Equal(ReplyKind.Emergency, reply.Kind);
        Assert.Contains("999", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Answer);
        search.Verify(s => s.Search(It.IsAny<string>(), It.IsAny<int>()), Times.Never);
    }

    [Theory]
    [InlineData("I want to kill myself", "en-US", new[] { "988", "911" })]
    [InlineData("my son keeps saying he wants to end his life", "en-GB", new[] { "116 123", "999" })]
    [InlineData("I want to kill myself", "de-DE", new[] { "112" })]
    [InlineData("I can't breathe", "en-US", new[] { "911" })]
    [InlineData("I can't breathe", "en-GB", new[] { "999" })]
    public void Respond_ShouldListTheNumbersToCall_TheCrisisLineFirstForACrisis(string text, string locale, string[] numbers)
    {
        var reply = Ask(text, locale);

        Assert.Equal(ReplyKind.Emergency, reply.Kind);
        Assert.Equal(numbers, reply.NumbersToCall!.Select(n => n.Number));
        Assert.All(reply.NumbersToCall!, n => Assert.Contains(n.Number, reply.Text, StringComparison.Ordinal));
        Assert.Equal("tel:" + numbers[0].Replace(" ", "", StringComparison.Ordinal), reply.NumbersToCall![0].TelUri.ToString());
    }

    [Fact]
    public void Respond_ShouldListNoNumbersToCall_OutsideAnEmergency()
    {
        Assert.Null(Ask("is there a cure?").NumbersToCall);
        Assert.Null(Ask("hello").NumbersToCall);
    }

    [Theory]
    [InlineData("en-US", "911", "988")]
    [InlineData("en-GB", "999", "116 123")]
    [InlineData("de-DE", "112", null)]
    [InlineData(null, "911", "988")]
    public void Respond_ShouldGiveTheLocalesNumbers_ForACrisis(string? locale, string emergency, string? crisis)
    {
        var reply = Ask("I want to kill myself", locale);

        Assert.Equal(ReplyKind.Emergency, reply.Kind);
        Assert.Contains(emergency, reply.Text, StringComparison.Ordinal);
        if (crisis is not null)
        {
            Assert.Contains(crisis, reply.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("What are the symptoms of the flu?")]
    [InlineData("treatment for migraine")]
    [InlineData("Can you recommend a good pizza place?")]
    [InlineData("Is dystonia contagious?")]
    public void Respond_ShouldSayItDoesNotKnow_RatherThanGuess(string text)
    {
        var reply = Ask(text);

        Assert.Equal(ReplyKind.NoAnswer, reply.Kind);
        Assert.Null(reply.Answer);
        Assert.Contains("neurologist", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Ask a question", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.OffersHandoff);
    }

    [Theory]
    [InlineData("me fadda mout twis up one side an he cyaan lif he right han, since like 20 minute")]
    [InlineData("abeg my pikin dey jerk jerk, e no gree stop, e don pass 10 minutes")]
    [InlineData("Mon mari a la bouche de travers et il arrive plus à parler depuis 10 minutes")]
    [InlineData("mi madre no puede respirar y tiene los labios azules")]
    [InlineData("meu filho tomou os comprimidos da avó, o que eu faço")]
    [InlineData("mon père a une forte douleur dans la poitrine et il transpire")]
    [InlineData("meine Tochter wacht nicht auf und atmet komisch")]
    [InlineData("moja córka nie oddycha, pomocy")]
    [InlineData("мой сын выпил все таблетки, что делать")]
    [InlineData("моя мама не може дихати")]
    [InlineData("babam bayıldı ve uyanmıyor")]
    [InlineData("ابني لا يستطيع التنفس")]
    [InlineData("η μητέρα μου δεν μπορεί να αναπνεύσει")]
    [InlineData("我爸爸胸口很痛，出很多汗")]
    [InlineData("母が息ができない")]
    [InlineData("아빠가 숨을 못 쉬어요")]
    [InlineData("mijn zoon heeft te veel pillen genomen")]
    [InlineData("fiul meu a înghițit pastilele bunicii")]
    [InlineData("můj táta nedýchá")]
    [InlineData("a fiam nem lélegzik")]
    [InlineData("min pappa har ont i bröstet och svettas")]
    [InlineData("พ่อหายใจไม่ออก")]
    [InlineData("مادرم نمی‌تونه نفس بکشه")]
    [InlineData("ya no quiero vivir, voy a tomar todas mis pastillas esta noche")]
    [InlineData("ich will nicht mehr leben")]
    [InlineData("я хочу покончить с собой")]
    [InlineData("je veux mourir, j'ai préparé les médicaments")]
    [InlineData("anak ko hindi makahinga, tulong")]
    [InlineData("anak saya kejang tidak berhenti sudah 10 menit")]
    [InlineData("bố tôi bị đau ngực và khó thở")]
    [InlineData("mama yangu hawezi kupumua")]
    [InlineData("meu bebê está com febre alta e não acorda")]
    [InlineData("mi abuelo se cayó y se golpeó la cabeza, ahora vomita")]
    [InlineData("la cara de mi esposa está caída y no puede hablar bien")]
    [InlineData("mein Mann hat Brustschmerzen seit einer Stunde")]
    [InlineData("mia figlia ha preso tutte le pillole della nonna")]
    [InlineData("ma fille a avalé de l'eau de javel")]
    [InlineData("ma pal says hes gonnae end it the night")]
    [InlineData("isäni ei pysty hengittämään ja huulet on ihan siniset")]
    [InlineData("mummon kasvot valahtivat yhtäkkiä eikä hän saa sanottua mitään")]
    [InlineData("haluan kuolla, en jaksa enää")]
    [InlineData("አባቴ ደረቱ በጣም እያመመው ነው፣ መተንፈስ አልቻለም")] // Amharic, mostly in a script the meaning reader cannot read
    [InlineData("ልጄ ብዙ ኪኒን ዋጠ ምን ላድርግ")]
    [InlineData("መሞት እፈልጋለሁ")]
    [InlineData("Babamın yüzü bir tarafa kaydı, konuşamıyor, kolunu kaldıramıyor")]
    [InlineData("بچه‌ام قرص‌های منو خورده و خیلی بی‌حال شده")]
    public void Respond_ShouldGiveTheEmergencyReply_WhenAnEmergencyIsWrittenInAnotherLanguage(string text)
    {
        var reply = Ask(text);

        Assert.Equal(ReplyKind.Emergency, reply.Kind);
    }

    [Theory]
    [InlineData("la distonía es hereditaria?")]
    [InlineData("ist Dystonie heilbar?")]
    [InlineData("что такое дистония?")]
    [InlineData("mon fils a une dystonie, quel traitement?")]
    [InlineData("czy dystonia jest dziedziczna?")]
    [InlineData("肌张力障碍能治好吗？")]
    [InlineData("ジストニアは遺伝しますか")]
    [InlineData("ما هو خلل التوتر العضلي؟")]
    [InlineData("τι είναι η δυστονία;")]
    [InlineData("a distonia tem cura?")]
    [InlineData("il botox funziona per la distonia cervicale?")]
    [InlineData("mijn moeder heeft dystonie in haar nek, wat kan ze doen?")]
    [InlineData("distoni nedir, tedavisi var mı?")]
    [InlineData("ano ang dystonia?")]
    [InlineData("apa penyebab distonia?")]
    [InlineData("bệnh loạn trương lực cơ có chữa được không")]
    [InlineData("dystonia ni nini?")]
    [InlineData("kaise pata chalta hai dystonia?")]
    [InlineData("cuando me estreso el cuello se me tuerce, es normal?")]
    [InlineData("mi hijo tiene distonía y le duele mucho el cuello, qué hago?")]
    [InlineData("el dolor de cuello me está matando jaja")]
    [InlineData("ma grand-mère est tombée l'année dernière, est-ce que ça cause la dystonie?")]
    [InlineData("hola, gracias por la ayuda")]
    [InlineData("danke schön, tschüss")]
    [InlineData("спасибо большое")]
    [InlineData("Onko dystonia perinnöllinen?")]
    [InlineData("Moikka, mitä kuuluu?")]
    [InlineData("ሰላም")]
    [InlineData("ዲስቶኒያ ምንድን ነው?")]
    [InlineData("ዲስቶኒያ በዘር ይተላለፋል?")]
    [InlineData("Merhaba, nasılsınız?")]
    [InlineData("وقت بخیر")]
    public void Respond_ShouldNotCallAMessageInAnotherLanguageAnEmergency_WhenItAsksOrGreets(string text)
    {
        var reply = Ask(text);

        Assert.NotEqual(ReplyKind.Emergency, reply.Kind);
        Assert.DoesNotContain("I couldn't read your message", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ჩემი დედა ძალიან ცუდად არის, რა ვქნა?")] // Georgian: no list reads it
    [InlineData("Մայրս չի կարողանում խոսել")] // Armenian
    [InlineData("ကျွန်တော့်အမေ နေမကောင်းဘူး")] // Burmese: my mother is unwell
    // Latin letters in words no list reads: the meaning readers took these for a greeting, or quoted the symptoms list.
    [InlineData("Vaikas nekvėpuoja, lūpos pamėlynavo")] // Lithuanian: a child not breathing, lips gone blue
    [InlineData("Mans bērns neelpo, lūpas ir zilas")] // Latvian: my child isn't breathing, lips are blue
    [InlineData("Yaro na baya numfashi sosai")] // Hausa
    [InlineData("Fëmija im nuk merr frymë mirë")] // Albanian
    [InlineData("Ilmahaygu si fiican uma neefsanayo, bushimihiisu waa buluug")] // Somali
    [InlineData("Vaikas nekvėpuoja")] // two words, neither read: short is how a panicking parent writes
    [InlineData("Ma jiraa daawo loogu talagalay dystonia?")] // Somali: a question, read no better
    public void Respond_ShouldGiveTheEmergencyNumberFirst_WhenItCannotReadTheScriptOrTheWords(string text)
    {
        var turn = Policy.Respond(text, "en-US", ConversationState.Empty);
        var reply = turn.Reply;

        Assert.Equal(ReplyKind.NoAnswer, reply.Kind);
        Assert.StartsWith("If you or someone with you is very unwell or in danger, call 911 now.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("I couldn't read your message", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Escalate);
        Assert.True(reply.OffersHandoff);
        // "Ask a question" sends the message as it was written, for staff who may read it.
        Assert.Equal(text, turn.State.LastUnanswered);
    }

    [Theory]
    [InlineData("wat treatmnt for dystoni pls")]
    [InlineData("hw mny typs f dystn r thr")]
    [InlineData("ddystoniaa whatt iss itt??")]
    [InlineData("uncontrollable blinking")]
    [InlineData("my wee lassie cannae haud her pen, is it dystonia")]
    [InlineData("wetin dey cause dystonia?")]
    [InlineData("kia ora bro")]
    [InlineData("torticollis physio exercises")]
    [InlineData("Spasmodic dysphonia treatment?")]
    [InlineData("Xeomin or Dysport?")]
    [InlineData("baclofen pump ITB")]
    [InlineData("Baclofen 10mg tds")]
    [InlineData("omg ty sm")]
    [InlineData("idk wat 2 do tbh")]
    [InlineData("hiya im Aoife")]
    [InlineData("wat iz distonya")]
    public void Respond_ShouldReadEnglishAsItIsTyped_NotAsAnotherLanguage(string text)
    {
        var reply = Ask(text);

        Assert.DoesNotContain("I couldn't read your message", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my mum (мама) has dystonia, is it hereditary?")]
    [InlineData("我妈妈 has cervical dystonia, what treatments are there?")]
    public void Respond_ShouldReadTheEnglish_WhenAFewWordsAreInAnotherScript(string text)
    {
        var reply = Ask(text);

        Assert.DoesNotContain("I couldn't read your message", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is baclofen any good for dystonia", "baclofen")]
    [InlineData("is dystonia like parkinsons", "parkinsons")]
    [InlineData("my son has dystonia, can he take <b>baclofen</b>", "baclofen")]
    [InlineData("แม่เป็นเบาหวาน รักษาหายขาดได้ไหม", "diabetes")] // Thai: "my mother has diabetes, is it completely curable?"
    [InlineData("can diabetes be cured?", "diabetes")] // asked in the words of the many "can dystonia be cured?"
    [InlineData("is there a cure for parkinsons", "parkinsons")]
    public void Respond_ShouldNameWhatTheArticleLeavesOut_WhenItCannotAnswer(string text, string subject)
    {
        var reply = Ask(text);

        Assert.Equal(ReplyKind.NoAnswer, reply.Kind);
        Assert.Contains($"doesn't say anything about {subject},", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Respond_ShouldEscalate_WhenTheQuestionIsPersonal()
    {
        var reply = Ask("My neck muscles are tight and painful, do I have dystonia?");

        Assert.True(reply.Escalate);
        Assert.StartsWith("Because this is about your own health", reply.Text, StringComparison.Ordinal);
        Assert.Contains("neck muscles", reply.Answer!.Passage.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my son has dystonia, will he be able to play football?")]
    public void Respond_ShouldReferOnceAndOfferTheHealthLine_WhenAPersonalQuestionIsNotAnswered(string text)
    {
        var reply = Ask(text);

        Assert.Equal(ReplyKind.NoAnswer, reply.Kind);
        Assert.True(reply.Escalate);
        Assert.StartsWith("Because this is about your son's health", reply.Text, StringComparison.Ordinal);
        Assert.Contains("doesn't answer your question", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Ask a question", reply.Text, StringComparison.Ordinal);
        // One referral, not three: the reply is read on a phone, and the disclaimer under it says it again.
        Assert.Equal(1, reply.Text.Split("neurologist").Length - 1);
        Assert.DoesNotContain("I can answer questions about", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Respond_ShouldAbstain_BelowTheConfiguredThreshold()
    {
        var passage = new Passage("a#1", "a", 1, "Some text.", [new SentenceSpan(0, 10)]);
        var source = new SourceInfo("T", "P", new Uri("https://example.org"), "L", "Credit.", "en");
        var hit = new SearchHit(passage, source, 0, 0.6, 0.6, new HashSet<string>());
        var search = new Mock<IKnowledgeSearch>();
        search.Setup(s => s.Search(It.IsAny<string>(), It.IsAny<int>())).Returns(new SearchResult(TestKnowledge.Index.Analyze("x"), [hit]));
        search.Setup(s => s.Documents).Returns([]);

        var strict = new ConversationPolicy(search.Object, Options.Create(new ConversationOptions { AnswerThreshold = 0.7 }), new StarterQuestions([]), TestKnowledge.Readers);
        var lenient = new ConversationPolicy(search.Object, Options.Create(new ConversationOptions { AnswerThreshold = 0.5 }), new StarterQuestions([]), TestKnowledge.Readers);

        Assert.Equal(ReplyKind.NoAnswer, strict.Respond("question", null, ConversationState.Empty).Reply.Kind);
        Assert.Equal(ReplyKind.Answer, lenient.Respond("question", null, ConversationState.Empty).Reply.Kind);
    }

    [Fact]
    public void Respond_ShouldContinueWithTheNextPassage_WhenAskedForMore()
    {
        var first = Policy.Respond("What is dystonia?", "en-US", ConversationState.Empty);
        var more = Policy.Respond("tell me more", "en-US", first.State);
        var evenMore = Policy.Respond("more", "en-US", more.State);

        Assert.Equal("dystonia#1", first.Reply.Answer!.Passage.Id);
        Assert.Equal("dystonia#2", more.Reply.Answer!.Passage.Id);
        Assert.Equal("dystonia#3", evenMore.Reply.Answer!.Passage.Id);
    }

    [Fact]
    public void Respond_ShouldOfferHelp_WhenAskedForMoreBeforeAnyAnswer()
    {
        Assert.Equal(ReplyKind.SmallTalk, Ask("tell me more").Kind);
    }

    [Fact]
    public void Respond_ShouldNotSuggestWhatWasJustAnswered()
    {
        var turn = Policy.Respond("Is there a cure for dystonia?", "en-US", ConversationState.Empty);

        Assert.DoesNotContain("Is there a cure for dystonia?", turn.Reply.FollowUps);
        Assert.DoesNotContain("What treatments are available?", turn.Reply.FollowUps);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Respond_ShouldOfferHelp_WhenTheMessageIsEmpty(string? text)
    {
        var reply = Policy.Respond(text, null, ConversationState.Empty).Reply;

        Assert.Equal(ReplyKind.SmallTalk, reply.Kind);
        Assert.NotEmpty(reply.FollowUps);
    }

    [Fact]
    public void Respond_ShouldAnswerTheQuestion_AfterAGreeting()
    {
        var reply = Ask("Hi! What causes dystonia?");

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Contains("hereditary", reply.Answer!.Passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Welcome_ShouldNameTheSourceAndOfferStarterQuestions()
    {
        var welcome = Policy.Welcome();

        Assert.Contains("CCM Health", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("neurologist", welcome.Text, StringComparison.Ordinal);
        Assert.InRange(welcome.FollowUps.Count, 3, 4);
    }

    [Fact]
    public void Respond_ShouldAnswerAParentsQuestion_AndSpeakOfTheirChild_NotOfTheirOwnHealth()
    {
        var reply = Ask("hi my son (9) just got diagnosed with dystonia what does that even meen");

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("dystonia#1", reply.Answer!.Passage.Id);
        Assert.DoesNotContain("your own health", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("whether it is dystonia", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Respond_ShouldSpeakOfSomeoneElse_WhenTheWriterTellsOfARegularsRelative()
    {
        var reply = Ask("my regular said her sister has dystonia and her hand curls. they did an electric test on her muscles, whats it for?");

        Assert.StartsWith("Because this is about someone else's health", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("your own health", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Respond_ShouldEscalateAQuestionAboutACustomer_SpeakingOfThemNotOfTheWriter()
    {
        var reply = Ask("pharmacist here - a regular with a stiff twisted neck for months asks if botox would sort her out, is she a good candidate");

        Assert.True(reply.Escalate);
        Assert.StartsWith("Because this is about someone else's health", reply.Text, StringComparison.Ordinal);
        Assert.Contains("examines her", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Note for colleagues: a pupil in my class has dystonia. In general terms, what is this condition?")]
    [InlineData("so whats the lowdown with dystonia")]
    [InlineData("never came across it before, what kind of illness is dystonia")]
    public void Respond_ShouldAnswerADefinitionAskedInEverydayWords_WithTheDefinition(string question)
    {
        var reply = Ask(question);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("dystonia#1", reply.Answer!.Passage.Id);
    }

    [Fact]
    public void Respond_ShouldAnswerWhatAThingPointedAtIs_NotWhatTheConditionIs()
    {
        // "that test" points at a thing the article names; the condition told of before is no part of what is asked.
        var reply = Ask("her sister has this dystonia and her hand curls - anyway they did some electric test on her muscles. whats that test called and what is it for?");

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("dystonia#3", reply.Answer!.Passage.Id);
    }

    [Theory]
    [InlineData("after all that, do you reckon i have it?")]
    [InlineData("so does my husband have it or not")]
    public void Respond_ShouldEscalate_WhenAskedWhetherSomeoneHasIt_EvenWithoutNamingIt(string question)
    {
        var reply = Ask(question);

        Assert.True(reply.Escalate);
        Assert.Contains("neurologist", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I have cervical dystonia, should I get botox injections?", "your neurologist")]
    [InlineData("my husband has been diagnosed with dystonia, should he take the tablets?", "your husband's health")]
    [InlineData("the neurologist said my gran has it. should she stop driving?", "your gran's health")]
    [InlineData("the specialist wrote dystonia on my dad's letter, should he have the injections?", "your dad's health")]
    [InlineData("caring for my son, hes on botox for his neck, can he have it more often than every 3 months?", "your son's health")]
    [InlineData("my aunty got told hers is the all over kind, is that the whole body one", "your aunty's health")]
    public void Respond_ShouldNeverAskSomeoneDiagnosedToFindOutWhetherItIsDystonia(string question, string expected)
    {
        var reply = Ask(question);

        Assert.True(reply.Escalate);
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("whether it is dystonia", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("honestly I cant go on living like this with my neck")]
    [InlineData("i cant breathe since the injection")]
    [InlineData("my face droops on one side and im slurring")]
    [InlineData("my gran cannae get her words oot")]
    [InlineData("him tek di new tablet an now him cyaan breathe")]
    public void Respond_ShouldReadRedFlags_TypedWithoutApostrophesOrInDialect(string message)
    {
        Assert.Equal(ReplyKind.Emergency, Ask(message).Kind);
    }

    [Theory]
    [InlineData("a quick simple definition please")]
    [InlineData("can dystonia be inherited? my grandmother had it and my sister is expecting a baby.")]
    public void Respond_ShouldAnswer_WhatTheWordsAroundAQuestionWouldOtherwiseDrown(string message)
    {
        var reply = Ask(message);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("dystonia#1", reply.Answer!.Passage.Id);
    }

    [Theory]
    [InlineData("what means dystonia", "dystonia#1")]
    [InlineData("dystonia have cure?", "dystonia#4")]
    [InlineData("the test where they stick needles in your muscles, what is it for", "dystonia#3")]
    public void Respond_ShouldReadSecondLanguageGrammarAndLayWords(string question, string passageId)
    {
        var reply = Ask(question);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(passageId, reply.Answer!.Passage.Id);
    }
}
