using DystoniaBot.Conversation.Policy;
using DystoniaBot.Testing;

namespace DystoniaBot.Conversation.Tests.Language;

/// <summary>
/// Whole messages in the languages of <c>Language/Languages/</c>, as people write them: every emergency gets the
/// emergency reply, and no question, greeting or message that only sounds alarming does. One file of each kind a
/// language, in <c>Language/OtherLanguages/</c>.
/// </summary>
public class OtherLanguagesTests
{
    private static readonly ConversationPolicy Policy = TestKnowledge.Policy();

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Language", "OtherLanguages");

    public static TheoryData<string> Languages()
    {
        var languages = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*-emergency.txt").Order(StringComparer.Ordinal))
        {
            languages.Add(Path.GetFileName(file)[..^"-emergency.txt".Length]);
        }

        return languages;
    }

    private static string[] Messages(string language, string kind) =>
        [.. File.ReadAllLines(Path.Combine(Folder, $"{language}-{kind}.txt")).Where(line => line.Trim().Length > 0)];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Respond_ShouldGiveTheEmergencyReply_ToEveryEmergencyWrittenInTheLanguage(string language)
    {
        var missed = Messages(language, "emergency")
            .Where(text => Policy.Respond(text, "en-US", ConversationState.Empty).Reply.Kind != ReplyKind.Emergency)
            .ToList();

        Assert.Empty(missed);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Respond_ShouldNotGiveTheEmergencyReply_ToOrdinaryMessagesInTheLanguage(string language)
    {
        var flagged = Messages(language, "ordinary")
            .Where(text => Policy.Respond(text, "en-US", ConversationState.Empty).Reply.Kind == ReplyKind.Emergency)
            .ToList();

        Assert.Empty(flagged);
    }

    [Fact]
    public void EveryLanguageList_ShouldHaveMessagesOfBothKinds()
    {
        var lists = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", "DystoniaBot.Conversation", "Language", "Languages"), "*.txt")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(lists);
        foreach (var language in lists)
        {
            Assert.NotEmpty(Messages(language!, "emergency"));
            Assert.NotEmpty(Messages(language!, "ordinary"));
        }
    }
}
