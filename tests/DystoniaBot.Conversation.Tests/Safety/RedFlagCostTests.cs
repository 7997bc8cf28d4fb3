using System.Diagnostics;
using System.Text;
using DystoniaBot.Conversation.Safety;

namespace DystoniaBot.Conversation.Tests.Safety;

/// <summary>
/// Messages crafted to make the red-flag rules backtrack (their keywords over and over with no sentence end, decimal
/// points that could each start a sentence, two signs of a three-sign rule in one endless sentence) cost no more than
/// twice an ordinary message of the same length. Each is timed at its fastest of many runs, interleaved with the
/// ordinary one, so a busy machine slows both alike.
/// </summary>
public sealed class RedFlagCostTests
{
    private const int Length = 2_000;
    private static readonly string Ordinary = Repeat("Good evening, I have had cervical dystonia for some years and my neck pulls to the left most days. ");

    [Theory]
    [InlineData("took my friend's pills and my child swallowed some tablets ")]
    [InlineData("took took hit head fell fitting seizure spasms fever rash ")]
    [InlineData("1.2.3.4.5.6.7.8.9.")]
    [InlineData("fever 39.5 and stiff and spasms non stop for 3.5 hours 2.1 ")]
    [InlineData("can't swallow and can't breathe and my throat and my tongue and the injection ")]
    [InlineData("kill kill myself want want to die overdose overdose ")]
    public void ACraftedMessage_ShouldCostAtMostTwiceAnOrdinaryOne(string pattern)
    {
        var crafted = Repeat(pattern);
        RedFlagDetector.Detect(Ordinary);
        RedFlagDetector.Detect(crafted);

        var ordinary = TimeSpan.MaxValue;
        var attack = TimeSpan.MaxValue;
        for (var run = 0; run < 40; run++)
        {
            ordinary = Min(ordinary, Time(Ordinary));
            attack = Min(attack, Time(crafted));
        }

        Assert.True(attack <= ordinary * 2,
            $"a crafted message took {attack.TotalMicroseconds:N0} µs, an ordinary one {ordinary.TotalMicroseconds:N0} µs");
    }

    private static TimeSpan Time(string text)
    {
        var started = Stopwatch.GetTimestamp();
        RedFlagDetector.Detect(text);
        return Stopwatch.GetElapsedTime(started);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string Repeat(string text)
    {
        var builder = new StringBuilder(Length + text.Length);
        while (builder.Length < Length)
        {
            builder.Append(text);
        }

        return builder.ToString(0, Length);
    }
}
