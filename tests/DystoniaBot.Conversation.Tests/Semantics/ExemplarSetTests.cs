using DystoniaBot.Conversation.Semantics;
using DystoniaBot.Knowledge.Embeddings;

namespace DystoniaBot.Conversation.Tests.Semantics;

public class ExemplarSetTests
{
    private const string Text = """
        # comment
        threshold 0.7
        margin 0.01

        [weather, outdoor] weather
        will it rain tomorrow
        is it sunny outside

        [ordinary] other
        how do I bake bread
        """;

    [Fact]
    public void Parse_ShouldReadSettingsGroupsAndFlags()
    {
        var set = ExemplarSet.Parse(Text, "test", TextEmbedder.Default);

        Assert.Equal(0.7, set.Threshold);
        Assert.Equal(0.01, set.Margin);
        Assert.Equal(["weather", ExemplarSet.Ordinary], set.Groups.Select(g => g.Kind));
        Assert.Contains("outdoor", set.Groups[0].Flags);
        Assert.Equal(2, set.Groups[0].Vectors.Count);
    }

    [Fact]
    public void Match_ShouldFindTheGroup_OnlyWhenNearEnoughAndNearerThanTheOrdinary()
    {
        var set = ExemplarSet.Parse(Text, "test", TextEmbedder.Default);

        Assert.Equal("weather", set.Match(set.Embed("is it going to rain later today"))?.Group.Kind);
        Assert.Null(set.Match(set.Embed("how can I make a sourdough loaf")));
    }

    [Theory]
    [InlineData("a line before any group", 1)]
    [InlineData("threshold lots", 1)]
    [InlineData("[] nothing", 1)]
    public void Parse_ShouldNameTheLine_WhenTheFileIsMalformed(string text, int line)
    {
        var error = Assert.Throws<FormatException>(() => ExemplarSet.Parse(text, "file.txt", TextEmbedder.Default));

        Assert.Contains($"line {line}", error.Message, StringComparison.Ordinal);
    }
}
