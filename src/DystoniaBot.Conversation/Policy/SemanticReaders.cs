using DystoniaBot.Conversation.Safety;
using DystoniaBot.Conversation.SmallTalk;
using DystoniaBot.Knowledge.Embeddings;

namespace DystoniaBot.Conversation.Policy;

/// <summary>
/// What the policy reads with the embedding model besides rules: red flags and small talk said in any words. One per
/// process: building it embeds every exemplar once.
/// </summary>
public sealed class SemanticReaders
{
    /// <summary>Loads the shipped exemplars and embeds them with <paramref name="embedder"/>.</summary>
    public SemanticReaders(TextEmbedder embedder)
        : this(new SemanticRedFlagDetector(embedder), new SemanticSmallTalkDetector(embedder))
    {
    }

    /// <summary>Uses the given detectors.</summary>
    public SemanticReaders(SemanticRedFlagDetector redFlags, SemanticSmallTalkDetector smallTalk)
    {
        RedFlags = redFlags ?? throw new ArgumentNullException(nameof(redFlags));
        SmallTalk = smallTalk ?? throw new ArgumentNullException(nameof(smallTalk));
    }

    /// <summary>The red-flag safety net.</summary>
    public SemanticRedFlagDetector RedFlags { get; }

    /// <summary>Small talk in any register.</summary>
    public SemanticSmallTalkDetector SmallTalk { get; }
}
