using DystoniaBot.Conversation.Language;

namespace DystoniaBot.Conversation.Tests.Language;

public class ForeignWordsTests
{
    [Theory]
    [InlineData("distonia es hereditaria? my abuela had it", "dystonia is hereditary? my grandmother had it")]
    [InlineData("La dystonie, c'est HÉRÉDITAIRE ?", "the dystonia, is it hereditary ?")]
    [InlineData("o que é distonia?", "what is dystonia?")]
    [InlineData("ubat apa untuk dystonia?", "medicine what for dystonia?")]
    [InlineData("lola keeps saying the word dystonia", "grandmother keeps saying the word dystonia")]
    [InlineData("what make it more bad, does tha know", "what make it worse, does you know")]
    [InlineData("wagwan, do the symptoms be the same for everyone innit", "hello, do the symptoms be the same for everyone isn't it")]
    [InlineData("does it happen wen ur resting", "does it happen when ur resting")]
    [InlineData("sae whit are the signs", "so what are the signs")]
    [InlineData("ma neck's been gey sair", "my neck's been very sore")]
    [InlineData("is lola's hand dystonia", "is grandmother's hand dystonia")]
    [InlineData("wat dis dystonia ting", "wat dis dystonia thing")]
    [InlineData("babe is dystonia like a nerve fing", "babe is dystonia like a nerve thing")]
    [InlineData("do dat come down through families", "do that come down through families")]
    [InlineData("was it the dat scan", "was it the datscan")]
    [InlineData("why aye, does it ease off if ye rest up", "yes, does it ease off if you rest up")]
    [InlineData("ye kya hai", "this what is it")]
    [InlineData("dystonia ka ilaaj hai? poori tarah theek ho sakta hai?", "dystonia ka treatment is? completely can it be cured?")]
    [InlineData("biko is it hereditary", "please is it hereditary")]
    [InlineData("Wie wird Dystonie diagnostiziert?", "how is dystonia diagnosed?")]
    [InlineData("dystonia kya hota hai bhai", "dystonia what is it")]
    [InlineData("mam dystonię, is it curable", "i have dystonia, is it curable")]
    [InlineData("merci beaucoup", "thank you very much")]
    [InlineData("cuales son los sintomas?", "what are the symptoms?")]
    [InlineData("meron po bang gamot sa dystonia?", "is there medicine for dystonia?")]
    [InlineData("abeg wetin dey cause am", "please what does cause am")]
    [InlineData("she cannae get her words oot", "she can't get her words out")]
    [InlineData("mi bredda cyaan breathe", "my brother can't breathe")]
    [InlineData("dystonia ke symptoms kya kya hote hai", "dystonia ke symptoms what are")]
    [InlineData("primary vs secondary, whats the diff", "primary versus secondary, whats the difference")]
    [InlineData("is it one of them things yer born with, or d'ya get it later", "is it one of them things you born with, or do you get it later")]
    [InlineData("weh kinda dystonia deh? it gat more than one type?", "what kinda dystonia deh? it got more than one type?")]
    [InlineData("dystonia fit come from another sickness?", "dystonia can come from another sickness?")]
    [InlineData("onko dystonia perinnöllinen?", "is dystonia hereditary?")]
    [InlineData("mun äiti ei herää, mitä mä teen", "my mum won't wake up, what do i do")]
    [InlineData("ዲስቶኒያ ምንድን ነው?", "what is dystonia?")]
    [InlineData("ለዲስቶኒያ ምን ሕክምና አለ?", "for dystonia what treatment is there?")] // "ሕ" and the list's "ህ" read alike
    [InlineData("መተንፈስ፡አልቻለም።", "can't breathe.")] // the Ethiopic word space and full stop
    [InlineData("بچه‌ام قرص‌های منو خورده", "my child has taken my tablets")] // typed with the zero-width non-joiner
    [InlineData("بچه ام قرص های منو خورده", "my child has taken my tablets")]
    [InlineData("yüzü bir tarafa kaydı", "his face slipped to one side")]
    [InlineData("เบาหวานรักษาหายขาดได้ไหม", "diabetes is it completely curable")]
    [InlineData("근긴장이상증에 보톡스를", "dystonia botox")] // particles attached to listed nouns
    [InlineData("est-ce que la dystonie se guérit ?", "is it that the dystonia is cured ?")]
    [InlineData("Wie wird Dystonie festgestellt?", "how is dystonia diagnosed?")]
    [InlineData("מה זה דיסטוניה?", "what is dystonia?")]
    [InlineData("בַּעֲלִי לֹא נוֹשֵׁם", "my husband isn't breathing")] // typed with vowel points
    [InlineData("תתקשרו למד\"א, הילד לא נושם", "call an ambulance, the child isn't breathing")] // gershayim typed as a double quote
    [InlineData("תתקשרו למד״א", "call an ambulance")]
    [InlineData("בית־חולים", "hospital")] // the maqaf
    [InlineData("ΤΙ ΕΙΝΑΙ Η ΔΥΣΤΟΝΙΑ;", "what is the dystonia?")] // capitals, with no final sigma; the Greek question mark
    [InlineData("Nwa m anaghị eku ume", "my child isn't breathing")]
    [InlineData("nwa m anaghi eku ume", "my child isn't breathing")]
    [InlineData("Nne m enwe\u0300ghi\u0323 ike iku ume", "my mother can't breathe")] // tone and dot typed as combining marks
    [InlineData("Gịnị bụ dystonia?", "what is dystonia?")]
    [InlineData("मेरो छोराले सास फेर्न सकेन। छिटो!", "my son can't breathe. quickly!")] // the Devanagari full stop
    [InlineData("डिस्टोनिया भनेको के हो?", "what is dystonia?")]
    public void ToEnglish_ShouldReadTheListedWords_InEnglish(string text, string english)
    {
        Assert.Equal(english, ForeignWords.ToEnglish(text));
    }

    [Theory]
    [InlineData("Is there a cure for Dystonia?")]
    [InlineData("what kind of dystonia affects the main muscles of the arm")]
    [InlineData("I had a TIA last year, can that cause dystonia?")]
    [InlineData("")]
    public void ToEnglish_ShouldReturnEnglishText_AsItIs(string text)
    {
        Assert.Same(text, ForeignWords.ToEnglish(text));
    }
}
