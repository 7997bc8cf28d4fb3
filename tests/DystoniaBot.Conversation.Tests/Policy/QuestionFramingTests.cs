using DystoniaBot.Conversation.Policy;

namespace DystoniaBot.Conversation.Tests.Policy;

public class QuestionFramingTests
{
    [Theory]
    [InlineData("Dear Sir or Madam, could you tell me whether dystonia can be treated? With kind regards, Eleanor", "could you tell me whether dystonia can be treated?")]
    [InlineData("Good morning. My name is Arthur and I am 80. Is dystonia passed on to children? Thank you very much in advance.", "Is dystonia passed on to children?")]
    [InlineData("I apologise for the long message. What does a neurologist check for dystonia? Best wishes", "What does a neurologist check for dystonia?")]
    [InlineData("is there a cure?", "is there a cure?")]
    [InlineData("bless your soul, what causes it", "what causes it")]
    [InlineData("Thank you.", "Thank you.")]
    [InlineData("im a yoga teacher, quick one: is dystonia something you can catch", "is dystonia something you can catch")]
    [InlineData("physio student — whats the difference between primary and secondary dystonia?", "whats the difference between primary and secondary dystonia?")]
    [InlineData("hairdresser here, a client mentioned blepharospasm, what is that", "a client mentioned blepharospasm, what is that")]
    [InlineData("fisherman from donegal here, what do they mean by primary dystonia", "what do they mean by primary dystonia")]
    [InlineData("violinist. heard musicians get it in the hands", "heard musicians get it in the hands")]
    [InlineData("dog groomer in essex here 🐩✂️ can dystonia affect the eyes", "can dystonia affect the eyes")]
    [InlineData("sax player down in New Orleans: does dystonia mess with muscles", "does dystonia mess with muscles")]
    [InlineData("the doctor here said it was focal", "the doctor here said it was focal")]
    [InlineData("Voice tremor. Can botox help?", "Voice tremor. Can botox help?")]
    [InlineData("Pain in shoulder - what helps?", "Pain in shoulder - what helps?")]
    [InlineData("My son wants to know if it will get worse", "My son wants to know if it will get worse")]
    [InlineData("What should I bring for my meeting with the neurologist?", "What should I bring for my meeting with the neurologist?")]
    [InlineData("my teacher - she said it runs in families", "my teacher - she said it runs in families")]
    [InlineData("I'm a school nurse at a primary school - what does focal mean?", "what does focal mean?")]
    [InlineData("im a mum of 3. is dystonia passed down", "is dystonia passed down")]
    [InlineData("Im a surgeon and my right hand cramps when I tie knots, should I stop operating?", "Im a surgeon and my right hand cramps when I tie knots, should I stop operating?")]
    [InlineData("im a bit worried, is this dystonia", "im a bit worried, is this dystonia")]
    [InlineData("sorry to bother you, i know youre busy, but could you tell me if they can fix it", "could you tell me if they can fix it")]
    [InlineData("so sorry - is it passed down?", "is it passed down?")]
    [InlineData("sorry my neck is so bad today", "sorry my neck is so bad today")]
    [InlineData("Dear Sir or Madam, I should be most obliged if you would kindly inform me whether the condition known as dystonia is capable of being cured. Yours faithfully, E. Hargreaves (aged 91)", "whether the condition known as dystonia is capable of being cured.")]
    [InlineData("Is head injury a cause? Kind regards, J. Patel, Solicitor", "Is head injury a cause?")]
    [InlineData("Marcus wants to know does dystonia get worse with stress", "does dystonia get worse with stress")]
    [InlineData("the girls want to know what dystonia actually is", "what dystonia actually is")]
    [InlineData("knitting circle wants to know is there a name for it", "is there a name for it")]
    [InlineData("Kwaku want to know, can it come from another sickness?", "can it come from another sickness?")]
    [InlineData("I want to know if it is hereditary", "I want to know if it is hereditary")]
    public void Question_ShouldLeaveOutGreetingsIntroductionsAndSignOffs(string message, string question)
    {
        Assert.Equal(question, QuestionFraming.Question(message));
    }

    [Theory]
    [InlineData("my daughter (7) was diagnosed with focal dystonia last week, what does focal mean", "focal dystonia: what does focal mean")]
    [InlineData("I was just diagnosed with dystonia. Is it hereditary?", "dystonia: Is it hereditary?")]
    [InlineData("how is dystonia diagnosed?", "how is dystonia diagnosed?")]
    public void Question_ShouldKeepTheConditionOfADiagnosisToldAsContext_NotTheDiagnosis(string message, string question)
    {
        Assert.Equal(question, QuestionFraming.Question(message));
    }

    [Theory]
    [InlineData("what causes dystonia, its for my biology project", "what causes dystonia, its")]
    [InlineData("does dystonia happen at rest, for my physio exam revision", "does dystonia happen at rest,")]
    [InlineData("does dystonia only show when they move, for our staff training", "does dystonia only show when they move,")]
    [InlineData("Please what is the treatment of dystonia, we want to know for the community health talk in our village", "Please what is the treatment of dystonia,")]
    [InlineData("what is the worst dystonia, doing my nursing exam revision", "what is the worst dystonia,")]
    [InlineData("what happens in the neurology exam for dystonia", "what happens in the neurology exam for dystonia")]
    [InlineData("how is it treated? I need it for a school report", "how is it treated? I need it")]
    [InlineData("is there a school for children with dystonia?", "is there a school for children with dystonia?")]
    public void Question_ShouldLeaveOutWhatTheAnswerIsFor(string message, string question)
    {
        Assert.Equal(question, QuestionFraming.Question(message));
    }

    [Theory]
    [InlineData("wat does abnormal posturing mean when they talk bout dystonia", "wat does abnormal posturing mean in dystonia")]
    [InlineData("what is meant by focal when doctors talk about dystonia?", "what is meant by focal in dystonia?")]
    [InlineData("can dystonia affect how you talk about things", "can dystonia affect how you talk about things")]
    [InlineData("Does your material recognise head injury as a possible cause?", "is head injury as a possible cause?")]
    [InlineData("does the article say whether its hereditary", "is its hereditary")]
    [InlineData("does your neck hurt", "does your neck hurt")]
    public void Question_ShouldLeaveOutWhoSaysTheWordsAsked(string message, string question)
    {
        Assert.Equal(question, QuestionFraming.Question(message));
    }

    [Theory]
    [InlineData("my neck is killing me, what helps", "my neck is really bad, what helps")]
    [InlineData("these spasms are literally killing me. will they ever stop", "these spasms are really bad. will they ever stop")]
    [InlineData("can dystonia kill you", "can dystonia kill you")]
    [InlineData("ugh dying of embarrassment, is stress a trigger", "ugh so embarrassed, is stress a trigger")]
    [InlineData("dying to know what causes it", "want to know what causes it")]
    [InlineData("is dystonia dying out", "is dystonia dying out")]
    [InlineData("a website said dystonia is all in the head, is that true?", "a website said dystonia is psychological, is that true?")]
    [InlineData("is it just in my head", "is it psychological")]
    [InlineData("yo the doc said blepharo-whatever, thats a type of dystonia?", "yo blepharo-whatever, thats a type of dystonia?")]
    [InlineData("one more, does it make ur muscles spasm", "does it make ur muscles spasm")]
    [InlineData("can u help me fix a bug in my python code", "fix a bug in my python code")]
    [InlineData("Kindly tell is dystonia curable or not", "is dystonia curable or not")]
    [InlineData("whats cervical dystonia when its at home", "whats cervical dystonia")]
    [InlineData("can it be just in the hand from using it loads", "can it be just in the hand from being used frequently")]
    [InlineData("is dystonia the one where the muscles stay clenched for ages", "is dystonia the one where the muscles stay clenched for a long time")]
    [InlineData("drummer here, does dystonia go for the muscles u use loads", "does dystonia go for the muscles used frequently")]
    [InlineData("i could die of embarrassment when my eye shuts, is that dystonia", "i could feel embarrassed when my eye shuts, is that dystonia")]
    [InlineData("can a blow to the head cause it", "can a blow to the head cause it")]
    [InlineData("does a couple of pints make dystonia worse", "does alcohol make dystonia worse")]
    [InlineData("my hand shakes when i hold a drink, is that dystonia", "my hand shakes when i hold a drink, is that dystonia")]
    [InlineData("spasms come when im pulling a pint at work, is that dystonia", "spasms come when im pulling a pint at work, is that dystonia")]
    [InlineData("i cough every time i have a drink, is that dystonia of the throat", "i cough every time i have a drink, is that dystonia of the throat")]
    [InlineData("does a glass of red wine help cervical dystonia", "does alcohol help cervical dystonia")]
    [InlineData("do some drinks make dystonia worse, like coffee or cola", "do some drinks make dystonia worse, like coffee or cola")]
    [InlineData("is it bad to have a drink or two at the pub with dystonia", "is it bad to have alcohol at the pub with dystonia")]
    [InlineData("the leaflet at the surgery says dystonia is neurological, what does that mean", "the leaflet says dystonia is neurological, what does that mean")]
    [InlineData("is surgery an option for dystonia", "is surgery an option for dystonia")]
    [InlineData("how long is recovery from the surgery", "how long is recovery from the surgery")]
    public void Question_ShouldReadFiguresOfSpeech_AsWhatTheyMean(string message, string question)
    {
        Assert.Equal(question, QuestionFraming.Question(message));
    }

    [Theory]
    [InlineData("can dystonia be inherited? my grandmother had it and I'm pregnant.", "can dystonia be inherited?")]
    [InlineData("My wife's eyelids keep closing. Is this dystonia?", null)]
    [InlineData("what is blepharospasm?", null)]
    [InlineData("my mum had a fall last spring and now her foot turns in, can a fall bring on dystonia?", "can a fall bring on dystonia?")]
    [InlineData("my son's hand cramps when he writes, is this dystonia?", null)]
    [InlineData("hello, what is dystonia?", "what is dystonia?")]
    [InlineData("thought i was having a heart attack but my neck was just in a massive spasm anyway is painful neck muscles part of dystonia?", "is painful neck muscles part of dystonia?")]
    [InlineData("lot of lads get knocks on the boats. general q - can head injuries lead to dystonia", "can head injuries lead to dystonia")]
    [InlineData("my head jerked in the meeting again. is stress a trigger", "is stress a trigger")]
    [InlineData("my nan had a stroke 2 yrs ago and shes fine now, but in general can a stroke cause dystonia", "can a stroke cause dystonia")]
    [InlineData("my neck is killing me since i got this new pillow, what helps", null)]
    [InlineData("baclofen or clonazepam, which one is better for dystonia?", null)]
    [InlineData("rugby player here, taken a lot of knocks. can concussion lead to dystonia or is that a myth", "can concussion lead to dystonia or is that a myth")]
    [InlineData("is dystonia passed down in families, my aunt has it and now my mum has the same thing", "is dystonia passed down in families")]
    [InlineData("drummer here, not about my own hands - does dystonia show up at rest?", "does dystonia show up at rest?")]
    [InlineData("essay on epilepsy - what are the early signs?", null)]
    [InlineData("is it safe to take baclofen, the one my neuro prescribed, with ibuprofen?", null)]
    [InlineData("how long does botox for dystonia last - is 3 months normal?", null)]
    [InlineData("my calf cramps at night - is it dystonia?", null)]
    [InlineData("I read that stress causes dystonia, is that true?", null)]
    [InlineData("ok so what is dystonia in simple words, the leaflet was confusing", "ok so what is dystonia in simple words")]
    [InlineData("explain like im 5 what dystonia is, my nephew keeps asking me", "explain like im 5 what dystonia is")]
    [InlineData("does botox help blepharospasm? so when my eyes shut i cant drive", "does botox help blepharospasm?")]
    public void AskingSentences_ShouldBeTheQuestionsAlone_UnlessTheyPointBackAtWhatWasTold(string message, string? asking)
    {
        Assert.Equal(asking, QuestionFraming.AskingSentences(message));
    }
}
