using DystoniaBot.Conversation.Semantics;
using DystoniaBot.Knowledge.Embeddings;

namespace DystoniaBot.Conversation.SmallTalk;

/// <summary>
/// Small talk in any register: a short message that means what a greeting, a thank-you, a goodbye, "who are you" or
/// "what can you do" exemplar means (<c>SmallTalk/small-talk-exemplars.txt</c>), and not a question. Runs after
/// <see cref="SmallTalkDetector"/>'s rules.
/// </summary>
public sealed class SemanticSmallTalkDetector
{
    /// <summary>Longer messages carry more than small talk.</summary>
    private const int MaxLength = 160;

    private readonly ExemplarSet _exemplars;

    /// <summary>Loads and embeds the shipped exemplars.</summary>
    public SemanticSmallTalkDetector(TextEmbedder embedder)
        : this(ExemplarSet.LoadResource("DystoniaBot.Conversation.SmallTalk.small-talk-exemplars.txt", embedder))
    {
    }

    /// <summary>Uses <paramref name="exemplars"/> (groups of kind greeting, thanks, goodbye, identity, help and ordinary).</summary>
    public SemanticSmallTalkDetector(ExemplarSet exemplars) => _exemplars = exemplars ?? throw new ArgumentNullException(nameof(exemplars));

    /// <summary>The small talk <paramref name="text"/> is, or null.</summary>
    public SmallTalkKind? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text);
        // One word is what the rules are for ("hi", "thanks"); alone, any other word ("question", "more") is too
        // little to mean small talk by.
        if (normalized.Length > MaxLength || normalized.Split(' ').Length < 2)
        {
            return null;
        }

        return _exemplars.Match(_exemplars.Embed(normalized))?.Group.Kind switch
        {
            "greeting" => SmallTalkKind.Greeting,
            "thanks" => SmallTalkKind.Thanks,
            "goodbye" => SmallTalkKind.Goodbye,
            "identity" => SmallTalkKind.Identity,
            "help" => SmallTalkKind.Help,
            _ => null,
        };
    }
}
