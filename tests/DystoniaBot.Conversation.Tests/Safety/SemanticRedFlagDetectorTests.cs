using DystoniaBot.Conversation.Policy;
using DystoniaBot.Conversation.Safety;
using DystoniaBot.Conversation.Semantics;
using DystoniaBot.Conversation.Tests.Semantics;
using DystoniaBot.Testing;

namespace DystoniaBot.Conversation.Tests.Safety;

/// <summary>
/// Emergencies in lay words, as the policy reads them (the rules, then the exemplars), and ordinary messages that
/// share their words: both directions.
/// </summary>
public class SemanticRedFlagDetectorTests
{
    private static SemanticRedFlagDetector Detector => TestKnowledge.Readers.RedFlags;

    [Theory]
    [InlineData("honestly i dont see the point of waking up tomorrow, everyone would manage fine without me", RedFlagKind.Crisis)]
    [InlineData("three weeks after the toxin shots in my neck i keep choking on water and my breathing feels weak", RedFlagKind.Emergency)]
    [InlineData("my little boy found the blister pack of his nan's heart tablets and some are missing", RedFlagKind.Emergency)]
    [InlineData("she got an injection for her sickness at the hospital and now her jaw is stuck and her tongue is poking out", RedFlagKind.Emergency)]
    [InlineData("she reacted to metoclopramide years ago and now after a new anti sickness jab her neck is arching back again", RedFlagKind.Emergency)]
    [InlineData("she used to be fine on her anti sickness meds but after the jab her eyes are stuck looking up and her neck is twisting back", RedFlagKind.Emergency)]
    [InlineData("he's been twisting and arching nonstop since last night, can't keep any fluids down and is really hot", RedFlagKind.Emergency)]
    public void Detect_ShouldFindTheEmergency_InLayWords(string message, RedFlagKind kind)
    {
        var flag = Detector.Detect(message) ?? RedFlagDetector.Detect(message);

        Assert.NotNull(flag);
        Assert.Equal(kind, flag.Kind);
    }

    [Theory]
    [InlineData("his jaw locks only when he eats, and since an hour ago he cant swallow his own spit and is drooling")]
    [InlineData("she only twists when she walks but tonight it wont stop and shes burning up")]
    public void Detect_ShouldFindTheEmergency_ThoughItSoundsEveryday_WhenItSaysMore(string message)
    {
        Assert.NotNull(Detector.Detect(message) ?? RedFlagDetector.Detect(message));
    }

    [Theory]
    [InlineData("my calf cramped so hard it took my breath away, then eased off, back to normal now", false)]
    [InlineData("botox a week ago, neck a bit floppy, soft food like they said, getting easier every day", false)]
    [InlineData("burnt my finger on the oven tray, ran it under the cold tap, its fine", false)]
    [InlineData("wasp sting on my ankle, bit of swelling and thats it", false)]
    [InlineData("my grandson fell off the sofa, bit of a bump on his head, hes laughing and playing now", false)]
    [InlineData("son didnt settle at all last night, arching and grizzling for hours, we took turns with him. he ate his breakfast ok and went to school", false)]
    [InlineData("neck's been a shocker this arvo, heat pack and a lie down, she'll be right", false)]
    [InlineData("i bumped my head on the cupboard door cos of the head jerk, small lump, no headache, just annoying", false)]
    [InlineData("he ate his breakfast ok but now hes floppy and wont wake up", true)]
    [InlineData("bumped her head, no headache but shes been sick twice and is very drowsy", true)]
    [InlineData("my toddler swallowed some of my pills, she seems fine now", true)]
    [InlineData("had a fever last night, nurofen brought it down, but now hes floppy and wont wake up", true)]
    [InlineData("my husband collapsed, hes back to normal now but he cant remember anything and his speech is slurred", true)]
    [InlineData("she was stung by a bee and her lips are swelling, otherwise shes fine", true)]
    [InlineData("my 3 week old isnt feeding well and is floppy and hard to wake", true)]
    [InlineData("he hit his head and isnt back to himself, drowsy and been sick twice", true)]
    [InlineData("sorry for the long message, hope thats ok. she is grey and floppy and breathing funny", true)]
    public void Detect_ShouldNotTakeASignToldAsHandledAndFine_ForAnEmergency_UnlessSomethingIsWrongNowOrWasTaken(string message, bool emergency)
    {
        var flag = RedFlagDetector.Detect(message) ?? Detector.Detect(message);

        Assert.Equal(emergency, flag is not null);
    }

    [Theory]
    [InlineData("they sent my mum for an mri to make sure it wasnt a stroke, is that usual when checking for dystonia", false)]
    [InlineData("the doctor did bloods to rule out meningitis and it came back clear, what other tests are there", false)]
    [InlineData("the scan ruled out a stroke but now her face has dropped again and she cant speak", true)]
    [InlineData("they checked it wasnt a stroke last year but right now his arm is suddenly weak and his speech is slurred", true)]
    [InlineData("the GP did bloods to rule out meningitis. my baby is floppy, grey and will barely wake", true)]
    [InlineData("the CT made sure it wasnt a bleed. he is very drowsy and confused after banging his head on the cupboard", true)]
    [InlineData("they cant rule out a stroke. my baby is floppy and grey", true)]
    [InlineData("They ruled out meningitis. My baby is floppy, grey and will barely wake, with a rash on his tummy", true)]
    public void Detect_ShouldNotTakeASignNamedAsRuledOut_ForAnEmergency_UnlessSomethingIsWrongNowOrAgain(string message, bool emergency)
    {
        var flag = RedFlagDetector.Detect(message) ?? Detector.Detect(message);

        Assert.Equal(emergency, flag is not null);
    }

    [Theory]
    [InlineData("my 3 week old isnt feeding well and is floppy and hard to wake")]
    [InlineData("sorry for the long message, hope thats ok. she is grey and floppy and breathing funny")]
    public void Detect_ShouldKeepTheModelsEmergency_WhenTheWordsOfFineAreDeniedOrPolite(string message)
    {
        // The net alone: "isnt feeding well" and "hope thats ok" are not a sign told as handled and fine.
        Assert.NotNull(Detector.Detect(message));
    }

    [Fact]
    public void Detect_ShouldFindTheEmergency_InOneSentenceOfALongPoliteMessage()
    {
        const string message = "Good evening and sorry to write so late. I look after my father, who is 81. " +
            "Since about twenty minutes ago one side of his face has slipped and his speech has gone strange. " +
            "I did not want to bother anyone. Thank you.";

        Assert.Equal(RedFlagKind.Emergency, (RedFlagDetector.Detect(message) ?? Detector.Detect(message))?.Kind);
    }

    [Theory]
    [InlineData("can dystonia make it hard to breathe?")]
    [InlineData("is botox safe for neck dystonia?")]
    [InlineData("I had a stroke two years ago and now my fingers curl, could that be dystonia?")]
    [InlineData("my daughter had seizures as a baby, is dystonia linked to epilepsy?")]
    [InlineData("what medicines can cause a dystonic reaction?")]
    [InlineData("i feel a bit down about my diagnosis")]
    [InlineData("What are the symptoms of dystonia?")]
    [InlineData("my mum's neck pulls to the left, the doctor said dystonia. is the pain part of it too?")]
    [InlineData("are the spasms constant, or do they ease off when you rest?")]
    [InlineData("why does my sons foot only twist when he tries to walk and never when hes lying down")]
    [InlineData("my embouchure falls apart only on trumpet, lips just lock up mid phrase. do i have dystonia")]
    [InlineData("i'm a drummer, my left foot freezes on the pedal only when i play. what is wrong with me")]
    [InlineData("im a cleaner, my hand cramps up every time i hold the spray bottle, should i stop working")]
    [InlineData("my eye keeps shutting on its own when im out on the boat in the wind, is it blepharospasm")]
    [InlineData("my mum choked on her tea a bit last week after her neck botox but shes fine now. should she still have the next one")]
    [InlineData("can botox spread and stop you swallowing? asking before my first appointment next month")]
    [InlineData("30 yrs in the funeral trade and my right hand has started cramping when i do the fine work, is that dystonia")]
    [InlineData("my voice has started tightening and breaking during sermons, could that be dystonia in my throat")]
    [InlineData("me das been on the botox 4 years and its wearin off quicker now, would he need a higher dose dya think")]
    [InlineData("years ago after an anti sickness jab my jaw locked and my eyes went up, it passed in the hospital. was that dystonia and do i need to warn my dentist?")]
    [InlineData("my son reacted badly to haloperidol a few years ago, his neck arched back. could that be why he has dystonia now")]
    [InlineData("every morning when i open the bakery and start shaping the loaves my right hand goes into this claw, fingers pull in, wrist bends right over, been 6 months now, doesnt hurt much but the plaiting is getting impossible, and its totally fine on the bus home. what have i got")]
    [InlineData("My wife, her neck is pain very much after the botulinum injection since one week, but she is eating and breathing fine. Is this normal?")]
    [InlineData("sometimes when my dystonia flares i feel like i cant get a proper breath in, then it passes after a few mins. is that the dystonia or my anxiety?")]
    [InlineData("can dystonia make your eye clamp shut by itself, like while you're driving? my pal nearly had a scare on the M74 last week, she's fine but it shook her up")]
    public void Detect_ShouldNotRaiseAnAlarm_ForAnOrdinaryQuestion(string message)
    {
        Assert.Null(Detector.Detect(message));
    }

    [Fact]
    public void Explain_ShouldShowEachPartCompared_WithItsNearestSign_AndFlagAsDetectDoes()
    {
        const string message = "Hello, sorry to bother you so late at night. " +
            "My daughter had botox in her neck ten days ago and today she keeps choking and can hardly swallow her own saliva.";

        var parts = Detector.Explain(message);

        // The whole message, then each sentence of five words or more, then the clauses of five words or more of the
        // sentence longer than fourteen ("… ten days ago", "can hardly swallow her own saliva").
        Assert.Equal(5, parts.Count);
        Assert.All(parts, p => Assert.NotNull(p.Nearest));
        Assert.Null(parts[1].Flag);
        Assert.Equal(Detector.Detect(message), parts.Select(p => p.Flag).FirstOrDefault(f => f is not null));
        Assert.Contains(parts, p => p.Flag is { Kind: RedFlagKind.Emergency } && p.Nearest!.Similarity >= Detector.Threshold
            && p.Nearest.Similarity - p.Nearest.OrdinarySimilarity >= Detector.Margin);
    }

    [Fact]
    public void Detect_ShouldFindTheEmergency_InOneClauseOfARunOnSentence()
    {
        const string message = "quick question about how long the botox usually takes to kick in for neck dystonia " +
            "and also since the injection on monday i have been choking on water and can barely breathe";

        var parts = Detector.Explain(message);

        Assert.Equal(RedFlagKind.Emergency, Detector.Detect(message)?.Kind);
        Assert.Null(parts[0].Flag);
        Assert.Contains(parts.Skip(1), p => p.Flag is { Kind: RedFlagKind.Emergency } && p.Part.Length < message.Length / 2);
    }

    [Fact]
    public void Detect_ShouldReadAClause_AsHistory_WhenItsSentenceTellsOfThePast()
    {
        const string message = "my dad came off his motorbike two years ago and was unconscious in hospital for a week, " +
            "now his foot turns in when he walks, could that be dystonia from the accident";

        Assert.Null(Detector.Detect(message));
    }

    [Fact]
    public void PartsOf_ShouldCompareTheOnlyLongSentence_WhenTheMessageHasAShortQuestionBesideIt()
    {
        const string message = "I dont want to be here anymore, the rope is ready already. What is focal?";

        Assert.Contains("i don't want to be here anymore, the rope is ready already.", SemanticRedFlagDetector.PartsOf(message));
        Assert.Empty(SemanticRedFlagDetector.PartsOf("what is focal dystonia and is it genetic"));
    }

    [Fact]
    public void Explain_ShouldCompareNothing_ForAnEmptyMessage()
    {
        Assert.Empty(Detector.Explain("   "));
    }

    [Fact]
    public void Detect_ShouldFlagWhatTheModelReadsAsAnEmergency_NamedByTheNearestSign_WhenNoExemplarIsNearEnough()
    {
        // What flags is the model, over the whole message; the nearest sign names it.
        var exemplars = ExemplarsThatNeverMatch.Of(
            ("[emergency, now] poisoning", "a child swallowed tablets"), ("[crisis] suicidal thoughts", "I want to end my life"), ("[ordinary] ordinary", "what is dystonia"));
        var withModel = new SemanticRedFlagDetector(exemplars, MessageModel.LoadResource(SemanticRedFlagDetector.ModelResource));
        var withoutModel = new SemanticRedFlagDetector(exemplars);
        const string message = "my two year old got the lid off my pill bottle and some are gone, she is very drowsy now";

        Assert.Null(withoutModel.Detect(message));
        Assert.Equal(new RedFlag(RedFlagKind.Emergency, "poisoning"), withModel.Detect(message));
        Assert.True(withModel.Explain(message)[0].Probability >= withModel.ModelThreshold);
        Assert.Null(withModel.Detect("what is cervical dystonia and how is it treated"));
        Assert.Null(withoutModel.Explain(message)[0].Probability);
    }

    [Theory]
    [InlineData("10 years ago I was in a coma after an overdose. I've been well a long time now. Is that relevant to my new dystonia diagnosis?", false)]
    [InlineData("my daughter swallowed a button battery when she was 2, had surgery and is fine, she's 9 now. can that cause long term swallowing issues?", false)]
    [InlineData("my son swallowed a button battery 2 years ago and now hes swallowed another one, hes drooling", true)]
    [InlineData("two days ago my jaw locked for an hour after an anti sickness tablet, its totally fine now. can i take them again?", false)]
    [InlineData("last week my jaw locked after an anti sickness tablet and went away, but its started again tonight and my tongue is stuck out", true)]
    [InlineData("my neck spasms were so bad last night i thought i was dying lol, better today, what helps", false)]
    [InlineData("my neck spasms were so bad last night i thought i was dying, and today its worse, i cant breathe properly", true)]
    [InlineData("last year in hospital my boy had his eyes roll up and his neck go stiff after an anti sickness drip, they sorted it. will it happen again if he needs that drip", false)]
    [InlineData("his jaw has been stiff on and off for a few months since they changed his meds and now his tongue is pushing out and he cant swallow", true)]
    [InlineData("can dystonia make your eye clamp shut while driving? my pal nearly had a scare on the motorway last week, she's fine but it shook her up", false)]
    [InlineData("sometimes it passes on its own but right now she cant breathe and her lips are going blue", true)]
    public void Detect_ShouldNotTakeAPastEventForAnEmergency_WhenTheModelAloneReadsIt_UnlessItIsHappeningAgain(string message, bool emergency)
    {
        // No exemplar is near: only the model reads the message.
        var exemplars = ExemplarsThatNeverMatch.Of(
            ("[emergency] poisoning", "a child swallowed tablets"), ("[crisis] suicidal thoughts", "I want to end my life"), ("[ordinary] ordinary", "what is dystonia"));
        var detector = new SemanticRedFlagDetector(exemplars, MessageModel.LoadResource(SemanticRedFlagDetector.ModelResource));

        Assert.True(detector.Explain(message).Any(p => p.Probability >= detector.ModelThreshold), "the model does not read this message, so the test shows nothing");
        Assert.Equal(emergency, detector.Detect(message) is not null);
    }

    [Fact]
    public void Detect_ShouldFlagASentenceTheModelReadsAsAnEmergency_InsideALongOrdinaryMessage()
    {
        // The whole message is mostly questions about injections; one sentence is an emergency, read at the stricter
        // part threshold.
        var exemplars = ExemplarsThatNeverMatch.Of(
            ("[emergency] poisoning", "a child swallowed tablets"), ("[crisis] suicidal thoughts", "I want to end my life"), ("[ordinary] ordinary", "what is dystonia"));
        var detector = new SemanticRedFlagDetector(exemplars, MessageModel.LoadResource(SemanticRedFlagDetector.ModelResource));
        const string message = "quick question about the injections, do they hurt much. my little boy swallowed a whole strip of my tablets and wont wake up. also is dystonia genetic";

        var parts = detector.Explain(message);

        Assert.Equal(new RedFlag(RedFlagKind.Emergency, "poisoning"), detector.Detect(message));
        Assert.Contains(parts.Skip(1), p => p.Flag is not null && p.Probability >= detector.ModelPartThreshold);
        Assert.True(detector.ModelPartThreshold > detector.ModelThreshold);
        Assert.Null(detector.Detect("quick question about the injections, do they hurt much. my husband drives me to the clinic. also is dystonia genetic"));
    }
}
