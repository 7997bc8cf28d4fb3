using DystoniaBot.Knowledge.Analysis;

namespace DystoniaBot.Knowledge.Tests.Analysis;

public class KeyboardTests
{
    [Theory]
    [InlineData('f', 'd', true)]
    [InlineData('c', 'v', true)]
    [InlineData('k', 's', false)]
    [InlineData('1', 'q', false)]
    public void AreNeighbours_ShouldTellKeysSideBySide(char a, char b, bool expected)
    {
        Assert.Equal(expected, Keyboard.AreNeighbours(a, b));
    }
}
