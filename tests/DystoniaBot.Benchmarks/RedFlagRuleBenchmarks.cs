using System.Text;
using BenchmarkDotNet.Attributes;
using DystoniaBot.Conversation.Safety;

namespace DystoniaBot.Benchmarks;

/// <summary>
/// The red-flag rules on a normal long message and on messages crafted to make them backtrack (their keywords over
/// and over, with no sentence end): a crafted message should cost no more than about twice a normal one.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RedFlagRuleBenchmarks
{
    private readonly string _normal = Repeat(
        "Good evening, I have had cervical dystonia for some years and my neck pulls to the left most days. ", 2000);

    private readonly string _keywordsWithoutEnd = Repeat("took my friend's pills and my child swallowed some tablets ", 2000);

    private readonly string _startsWithoutMatches = Repeat("took took hit head fell fitting seizure spasms fever rash ", 2000);

    private readonly string _decimalPoints = Repeat("1.2.3.4.5.6.7.8.9.", 2000);

    private readonly string _sentenceRules = Repeat("fever 39.5 and stiff and spasms non stop for 3.5 hours 2.1 ", 2000);

    /// <summary>A long, ordinary message of 2,000 characters.</summary>
    [Benchmark(Baseline = true)]
    public RedFlag? NormalMessage() => RedFlagDetector.Detect(_normal);

    /// <summary>Keywords of the multi-part rules repeated, never completing one.</summary>
    [Benchmark]
    public RedFlag? CraftedKeywords() => RedFlagDetector.Detect(_keywordsWithoutEnd);

    /// <summary>Decimal points, which don't end a sentence: every one could start a sentence rule.</summary>
    [Benchmark]
    public RedFlag? CraftedDecimalPoints() => RedFlagDetector.Detect(_decimalPoints);

    /// <summary>Two of the three signs of the sentence rules, over and over in one long sentence.</summary>
    [Benchmark]
    public RedFlag? CraftedSentenceRules() => RedFlagDetector.Detect(_sentenceRules);

    /// <summary>Words that start rules, repeated without a sentence end.</summary>
    [Benchmark]
    public RedFlag? CraftedStarts() => RedFlagDetector.Detect(_startsWithoutMatches);

    internal static string Repeat(string text, int length)
    {
        var builder = new StringBuilder(length + text.Length);
        while (builder.Length < length)
        {
            builder.Append(text);
        }

        return builder.ToString(0, length);
    }
}
