using DystoniaBot.Conversation.Language;

namespace DystoniaBot.Conversation.Tests.Language;

public class UnreadWordsTests
{
    private static readonly HashSet<string> English = ["my", "child", "is", "not", "breathing", "lips", "are", "blue", "can't", "what", "dystonia"];

    private static bool Known(ReadOnlySpan<char> word) => English.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    [Theory]
    [InlineData("my child is not breathing", 0, 5)]
    [InlineData("Vaikas nekvėpuoja, lūpos pamėlynavo", 4, 4)]
    [InlineData("my child can't: lips are blue", 0, 6)]
    [InlineData("my child's lips", 0, 3)] // an owner is the word it owns
    [InlineData("a b c dystonia 123", 0, 1)] // letters alone and digits are not words
    [InlineData("my child 10mg 2nd", 0, 2)] // nor letters run into digits
    [InlineData("my child Aoife is not breathing", 0, 5)] // a name inside the message is not counted
    [InlineData("Aoife is not breathing", 1, 4)] // but the first word may be any word
    public void Count_ShouldCountTheWordsItDoesNotKnow(string text, int unread, int words) =>
        Assert.Equal((unread, words), UnreadWords.Count(text, Known));

    [Theory]
    [InlineData("Vaikas nekvėpuoja, lūpos pamėlynavo", true)] // Lithuanian: no list reads it
    [InlineData("Mans bērns neelpo, lūpas ir zilas", true)] // Latvian
    [InlineData("my child is not breathing, lips are blue", false)]
    [InlineData("Czy dystonia jest dziedziczna? Mój syn ma skurcze", false)] // Polish: its list reads some of it
    [InlineData("nekvėpuoja pamėlynavo", true)] // two words, neither read
    [InlineData("breathing nekvėpuoja", false)] // two words, one read: too few to tell
    [InlineData("nekvėpuoja", false)] // one word may be a name
    [InlineData("", false)]
    public void AreMostOf_ShouldTellAMessageInWordsNeitherEnglishNorListed(string text, bool expected) =>
        Assert.Equal(expected, UnreadWords.AreMostOf(text, ForeignWords.ToEnglish(text), Known));

    [Fact]
    public void ListedWordCount_ShouldLeaveOutTheConditionsOwnName()
    {
        // "distoni" is the condition's name in many languages, "su" and "ne" short words of several ("usne" is Urdu in
        // Latin letters); "nie oddycha" is Polish the list reads.
        Assert.Equal(0, ForeignWords.ListedWordCount("Ma jiraa daawo loogu talagalay distoni?"));
        Assert.Equal(1, ForeignWords.ListedWordCount("Dijete ne diše, usne su mu plave"));
        Assert.True(ForeignWords.ListedWordCount("moje dziecko nie oddycha") >= 2);
    }
}
