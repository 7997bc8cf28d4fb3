using DystoniaBot.Knowledge.Analysis;

namespace DystoniaBot.Knowledge.Tests.Analysis;

public class SpellingCorrectorTests
{
    private static readonly SpellingCorrector Corrector = new(new Dictionary<string, int>
    {
        ["dystonia"] = 10, ["symptoms"] = 5, ["botulinum"] = 2, ["electromyogram"] = 1, ["treatment"] = 3, ["cure"] = 4,
        ["diagnosed"] = 2, ["sitting"] = 3, ["parts"] = 3,
    });

    [Theory]
    [InlineData("distonia", "dystonia")]      // substitution
    [InlineData("dystona", "dystonia")]       // deletion
    [InlineData("dysttonia", "dystonia")]     // insertion
    [InlineData("sypmtoms", "symptoms")]      // transposition
    [InlineData("botulimun", "botulinum")]    // two edits in a long word
    [InlineData("electromiogram", "electromyogram")]
    [InlineData("ystonia", "dystonia")]       // the first letter missing
    [InlineData("fystomia", "dystonia")]      // the key beside the first, and one more slip
    public void Correct_ShouldFindTheIntendedWord(string typed, string expected)
    {
        Assert.Equal(expected, Corrector.Correct(typed));
    }

    [Theory]
    [InlineData("cute")]        // short words are never corrected: too many real words are one edit apart
    [InlineData("migraine")]    // nothing close
    [InlineData("dystonia")]    // already known
    [InlineData("treatm3nt")]   // not a word
    [InlineData("mitochondria")] // a long word with nothing near it
    [InlineData("knitting")]    // a real word the vocabulary lacks, two edits from "sitting" but not its first letter
    [InlineData("darts")]       // one edit from "parts", at the first letter
    public void Correct_ShouldLeaveTheWord_WhenNoSafeCorrectionExists(string typed)
    {
        Assert.Null(Corrector.Correct(typed));
    }

    [Fact]
    public void Distance_ShouldCountATranspositionAsOneEdit()
    {
        Assert.Equal(1, SpellingCorrector.Distance("form", "from", 2));
        Assert.Equal(3, SpellingCorrector.Distance("abc", "xyz", 2));
    }
}
