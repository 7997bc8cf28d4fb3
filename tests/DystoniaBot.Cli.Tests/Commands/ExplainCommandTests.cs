namespace DystoniaBot.Cli.Tests.Commands;

public class ExplainCommandTests
{
    [Fact]
    public async Task Explain_ShouldShowTheRedFlagNet_ThenEachCandidatesSignals()
    {
        var result = await CliProcess.RunAsync(null, "explain", "is", "there", "a", "cure?");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^red-flag exemplars \(flag at 0\.78 or nearer, 0\.02 nearer than any ordinary message\) and model \(whole message flags from 0\.\d{3}, a sentence or clause from 0\.\d{3}\):", result.Output);
        Assert.Matches(@"\n    - 0\.\d{3} .+ \(ordinary 0\.\d{3}\), model 0\.\d{3}: is there a cure\?  ~ "".+""\n", result.Output);
        Assert.Contains("searched as: is there a cure?", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"dystonia#4 +rank 0\.\d{3}  answer 0\.\d{3}", result.Output);
    }

    [Fact]
    public async Task Explain_ShouldSayWhichPartFlags_AndThatNothingIsSearched_ForAnEmergency()
    {
        var result = await CliProcess.RunAsync(null, "explain", "three weeks after the toxin shots in my neck i keep choking on water and my breathing feels weak");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("    FLAG ", result.Output, StringComparison.Ordinal);
        Assert.Contains("No search: the message is a red flag", result.Output, StringComparison.Ordinal);
    }
}
