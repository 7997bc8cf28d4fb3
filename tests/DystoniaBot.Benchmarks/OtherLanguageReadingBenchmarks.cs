using BenchmarkDotNet.Attributes;
using DystoniaBot.Conversation.Language;

namespace DystoniaBot.Benchmarks;

/// <summary>
/// Reading a whole message of another language in English, on 2,000 characters: words and phrases looked up (Spanish),
/// and every list entry of the scripts written without spaces looked for inside the text (Chinese), the dearest case.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class OtherLanguageReadingBenchmarks
{
    private readonly string _spanish = RedFlagRuleBenchmarks.Repeat(
        "buenas noches, mi madre tiene distonía cervical desde hace años y el cuello se le tuerce a la izquierda. ", 2000);

    private readonly string _chinese = RedFlagRuleBenchmarks.Repeat("我妈妈得了颈部肌张力障碍很多年了，脖子总是向左歪，晚上更严重。", 2000);

    /// <summary>A long ordinary Spanish message, read word by word and phrase by phrase.</summary>
    [Benchmark(Baseline = true)]
    public string Spanish() => ForeignWords.ToEnglish(_spanish);

    /// <summary>A long ordinary Chinese message, every unspaced entry searched for in it.</summary>
    [Benchmark]
    public string Chinese() => ForeignWords.ToEnglish(_chinese);
}
