using DystoniaBot.Conversation.Safety;

namespace DystoniaBot.Conversation.Tests.Safety;

public class RedFlagDetectorTests
{
    [Theory]
    [InlineData("I can't breathe")]
    [InlineData("my daughter banged her head on the swing and has been sick three times since")]
    [InlineData("the nurse gave me prochlorperazine for nausea and now my eyes are stuck rolled up")]
    [InlineData("my wife is jerking on the floor, it has been going for more than 5 minutes")]
    [InlineData("I swallowed a couple of my flatmate's sleeping tablets and my heart is pounding")]
    [InlineData("since he started the new antipsychotic he has a temp of 39.8, his muscles are stiff and he is not making sense")]
    [InlineData("her dystonia hasn't stopped since last night, she can't keep any fluids down and her pee is very dark")]
    [InlineData("dad suddenly can't get his words out and his smile looks crooked")]
    [InlineData("I took a packet of my mum's sleeping pills and I can't stay awake")]
    [InlineData("grandad knocked his head getting out of the car and doesnt recognise us")]
    [InlineData("his face went crooked on one side and his words are coming out jumbled")]
    [InlineData("my toddler opened the pill box and a few tablets are missing")]
    [InlineData("my husband is choking")]
    [InlineData("I have crushing chest pain")]
    [InlineData("I think I'm having a stroke right now")]
    [InlineData("her face is drooping and her speech is slurred")]
    [InlineData("my child is having a seizure and won't wake up")]
    [InlineData("my dad collapsed and is unresponsive")]
    [InlineData("I took too many of my pills")]
    [InlineData("I just swallowed a whole bottle of pills")]
    [InlineData("my throat is closing after the botox injection")]
    [InlineData("my son has a fever and his spasms are getting much worse, nonstop")]
    [InlineData("My DBS stimulator stopped working and my spasms are back")]
    [InlineData("status dystonicus")]
    [InlineData("I’m having trouble breathing")]
    [InlineData("CAN'T BREATHE!!!")]
    [InlineData("my toddler drank bleach")]
    [InlineData("my kid drank from my medicine bottle and now very sleepy")]
    [InlineData("wife fell and hit her head, now vomiting and confused")]
    [InlineData("high fever, muscles rigid and very confused since new medicine")]
    [InlineData("I suddenly can't feel my left arm")]
    [InlineData("there is blood everywhere, he cut his hand badly, severe bleeding")]
    [InlineData("she is having a severe allergic reaction to the injection")]
    [InlineData("swallowed the whole packet of my sleeping tablets")]
    [InlineData("leg went numb all of a sudden, speech slurred")]
    [InlineData("he has been fitting for about 6 minutes")]
    [InlineData("the seizure is not stopping, what do we do")]
    [InlineData("after the iv for nausea his tongue won't go back in")]
    [InlineData("I can barely breathe")]
    [InlineData("grandad fell down the stairs head first and now he is very sleepy and not talking properly")]
    [InlineData("there's a bump on his head and now he's drowsy")]
    [InlineData("no puedo respirar, help")]
    [InlineData("não consigo respirar")]
    [InlineData("she had a fever yesterday and now she cant bend her head forward")]
    [InlineData("there are dark red spots on his tummy that don't fade when I press a glass on them")]
    [InlineData("my son took his mates pills at a party and now he is really hard to wake")]
    [InlineData("gran took my tablets by mistake and now her breathing sounds funny")]
    [InlineData("3yo got hold of the tablets, pills everywhere, don't know how many he swallowed")]
    [InlineData("fell at home, struck head, vomited twice")]
    [InlineData("dad suddenly can't lift his left arm and his words are all jumbled")]
    [InlineData("my throat's closing since the new tablets")]
    [InlineData("my brother just collapse, he no dey wake up")]
    [InlineData("took extra of my muscle relaxant and my breathing feels very slow")]
    [InlineData("the wee one got into gran's tablets")]
    [InlineData("she's been twisting non stop all day and we cannae get a drink into her")]
    [InlineData("His spasms have not stopped since yesterday. He is roasting hot. His pee looks very dark.")]
    [InlineData("swallowed about 20 of my clonazepam, feeling far away")]
    [InlineData("my 3 year old had my pill box open and a few are missing")]
    [InlineData("since the jabs last week mum is taking tiny quick breaths and can't lift her head")]
    [InlineData("she started on olanzapine and now her head is pulled back and her eyes keep going up")]
    [InlineData("my uncle got a depot injection for the voices, today his eyes turned up and he cant shut his mouth")]
    [InlineData("since the new tablets his neck goes back and his mouth is stuck open")]
    [InlineData("I think I took my night tablets three times, I feel very strange")]
    [InlineData("grandma has taken her baclofen twice this evening and is very drowsy")]
    [InlineData("our little girl got into the diazepam, we think two are gone, she is very sleepy")]
    [InlineData("since the anti sickness jab her throat feels like it is closing and her head is pulled back")]
    [InlineData("my husbands mouth is dropping on the left and he talks all jumbled")]
    [InlineData("grandad cant lift his cup, his right arm has no strength since lunch")]
    [InlineData("my wife suddenly can't speak and her hand is weak")]
    public void Detect_ShouldFlagAnEmergency(string text)
    {
        var flag = RedFlagDetector.Detect(text);

        Assert.NotNull(flag);
        Assert.Equal(RedFlagKind.Emergency, flag.Kind);
    }

    [Theory]
    [InlineData("I want to kill myself")]
    [InlineData("i don't see the point in living anymore")]
    [InlineData("sometimes I think everyone would be better off if I was dead, better off dead")]
    [InlineData("I keep thinking about suicide")]
    [InlineData("I've been hurting myself")]
    [InlineData("got a whole strip of tablets next to me, im done with all of it")]
    [InlineData("I've had enough of living, the rope is in the garage")]
    [InlineData("i dont see the point any more and ive been saving up my tablets")]
    [InlineData("my friend says she wants to kill herself")]
    [InlineData("my brother talked about ending his life")]
    [InlineData("quiero morir, i cant anymore")]
    [InlineData("I've put my affairs in order and said my goodbyes")]
    [InlineData("gave my cat to my neighbour, I won't be needing my appointments")]
    [InlineData("tablets all saved up, tonight")]
    [InlineData("honestly my husband and kids would be better off without me")]
    [InlineData("dont worry i wont be a burden to anyone for much longer")]
    [InlineData("i just want everything to stop")]
    [InlineData("been looking up how many of my pills it would take")]
    [InlineData("I've written goodbye letters")]
    [InlineData("honestly i am sick of being alive with this pain")]
    [InlineData("wrote notes for my family tonight, they are on the table")]
    public void Detect_ShouldFlagACrisis(string text)
    {
        Assert.Equal(RedFlagKind.Crisis, RedFlagDetector.Detect(text)?.Kind);
    }

    [Theory]
    [InlineData("Can a stroke cause dystonia?")]
    [InlineData("Is difficulty swallowing a symptom of dystonia?")]
    [InlineData("Do symptoms appear at rest?")]
    [InlineData("What is a seizure compared to a spasm?")]
    [InlineData("Can dystonia be fatal?")]
    [InlineData("What dose of botox is usual?")]
    [InlineData("is there a cure")]
    [InlineData("Can dystonia cause fever?")]
    [InlineData("Is it safe for children to take dystonia medicine?")]
    [InlineData("")]
    [InlineData("I had a fall and hit my head years ago, can that cause dystonia?")]
    [InlineData("im done with all these tablets that don't work, what else is there?")]
    [InlineData("I've had spasms for 10 years and I'm exhausted, what can help?")]
    [InlineData("my spasms are constant and I'm worn out all the time")]
    [InlineData("does dystonia get worse when you have a fever?")]
    [InlineData("can anti-sickness medicine like metoclopramide cause dystonia?")]
    [InlineData("is it safe to take my husband's tablets for my headache?")]
    [InlineData("can a seizure last more than 5 minutes?")]
    [InlineData("I fell last year and hit my head, could that cause dystonia?")]
    [InlineData("does botox help if I can barely hold a pen?")]
    [InlineData("my fit medicine doesn't stop the spasms")]
    [InlineData("does dystonia cause slow breathing?")]
    [InlineData("can dystonia make you collapse?")]
    [InlineData("I won't be able to work, what support is there?")]
    [InlineData("is a stiff neck a symptom of dystonia?")]
    [InlineData("can a rash be a side effect of botox?")]
    [InlineData("my neck spasms all day and I'm so tired, can I take baclofen with it?")]
    [InlineData("how many baclofen tablets can I take in a day?")]
    [InlineData("I wish the spasms would stop, what helps?")]
    [InlineData("my son had the bottle of his medicine open, is it ok to store it in the fridge?")]
    [InlineData("does botox ever make breathing harder?")]
    [InlineData("I have taken my tablets twice a day for years and my neck is still bad")]
    [InlineData("can antipsychotic medicine cause dystonia later on?")]
    [InlineData("my new tablets make my eyes tired, is that dystonia?")]
    [InlineData("is it bad if I take my dose twice daily instead of once?")]
    [InlineData("my daughter is tired of the injections, are there other treatments?")]
    [InlineData("I wrote a letter to my family doctor about the twisting in my neck")]
    [InlineData("does clonazepam help dystonia in children?")]
    [InlineData("my eyelids shut by themselves so I can't see the road, is that blepharospasm?")]
    [InlineData("my voice keeps breaking and I can't talk properly on the phone, is it dystonia?")]
    public void Detect_ShouldNotFlag_OrdinaryQuestions(string text)
    {
        Assert.Null(RedFlagDetector.Detect(text));
    }

    [Fact]
    public void Detect_ShouldStayFast_OnHugeInput()
    {
        var text = "I can't breathe " + string.Concat(Enumerable.Repeat("stimulator fever spasm worse ", 5000));

        var flag = RedFlagDetector.Detect(text);

        Assert.Equal("cannot breathe", flag?.Sign);
    }
}
