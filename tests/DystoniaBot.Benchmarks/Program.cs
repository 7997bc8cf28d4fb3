using System.Text.Json;
using BenchmarkDotNet.Running;
using DystoniaBot.Benchmarks;

// Modes: BenchmarkDotNet (default), "naive <knowledge> <questions.jsonl>" (the batch baseline),
// "questions <count> <out.jsonl> [eval.jsonl…]" (a batch of varied questions for the batch comparison), and
// "directline <url> <conversations> <seconds> <visitors>" (Direct Line under load; tests/load/directline.sh),
// "welcome <url> <loads>" (the page in Chromium: navigation start to the welcome painted; tests/load/welcome.sh) and
// "index-memory [passages…]" (heap held by an open index, per passage).
if (args is ["naive", var knowledge, var questions])
{
    return NaiveBaseline.Run(knowledge, questions);
}

if (args is ["questions", var countText, var outPath, .. var sources])
{
    var pool = Questions.Mixed.Concat(sources.SelectMany(File.ReadLines)
        .Where(l => !string.IsNullOrWhiteSpace(l))
        .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("q").GetString()!)).ToArray();
    var count = int.Parse(countText, System.Globalization.CultureInfo.InvariantCulture);
    File.WriteAllLines(outPath, Enumerable.Range(0, count).Select(i => JsonSerializer.Serialize(new { q = pool[i % pool.Length] })));
    return 0;
}

if (args is ["directline", var url, var conversationsText, var secondsText, var sendersText])
{
    return await DirectLineLoad.RunAsync(new Uri(url), int.Parse(conversationsText, System.Globalization.CultureInfo.InvariantCulture),
        TimeSpan.FromSeconds(int.Parse(secondsText, System.Globalization.CultureInfo.InvariantCulture)), int.Parse(sendersText, System.Globalization.CultureInfo.InvariantCulture));
}

if (args is ["welcome", var pageUrl, var loadsText])
{
    return await WelcomeTiming.RunAsync(new Uri(pageUrl), int.Parse(loadsText, System.Globalization.CultureInfo.InvariantCulture));
}

if (args is ["index-memory", .. var sizes])
{
    return IndexMemory.Run(sizes.Length > 0 ? [.. sizes.Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))] : [1, 1_000, 10_000, 100_000]);
}

BenchmarkSwitcher.FromAssembly(typeof(AnsweringBenchmarks).Assembly).Run(args);
return 0;
