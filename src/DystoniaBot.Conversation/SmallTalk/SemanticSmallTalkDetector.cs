using DystoniaBot.Conversation.Semantics;
using DystoniaBot.Knowledge.Embeddings;

namespace DystoniaBot.Conversation.SmallTalk;

/// <summary>
/// Small talk in any register: a short message that means what a greeting, a thank-you, a goodbye, "who are you" or
/// "what can you do" exemplar means (<c>SmallTalk/small-talk-exemplars.txt</c>), and not a question; or one a
/// <see cref="MessageModel"/> (<c>SmallTalk/small-talk-model.json</c>, learned from every labelled message) reads as
/// small talk, of the kind of its nearest exemplar. Runs after <see cref="SmallTalkDetector"/>'s rules.
/// </summary>
public sealed class SemanticSmallTalkDetector
{
    /// <summary>Longer messages carry more than small talk.</summary>
    private const int MaxLength = 160;

    /// <summary>Name of the shipped exemplars inside this assembly.</summary>
    public const string ExemplarResource = "DystoniaBot.Conversation.SmallTalk.small-talk-exemplars.txt";

    /// <summary>Name of the shipped model inside this assembly.</summary>
    public const string ModelResource = "DystoniaBot.Conversation.SmallTalk.small-talk-model.json";

    private readonly ExemplarSet _exemplars;
    private readonly MessageModel? _model;

    /// <summary>Loads and embeds the shipped exemplars, and reads the shipped model.</summary>
    public SemanticSmallTalkDetector(TextEmbedder embedder)
        : this(ExemplarSet.LoadResource(ExemplarResource, embedder), MessageModel.LoadResource(ModelResource))
    {
    }

    /// <summary>
    /// Uses <paramref name="exemplars"/> (groups of kind greeting, thanks, goodbye, identity, help and ordinary) and,
    /// when given, <paramref name="model"/>.
    /// </summary>
    public SemanticSmallTalkDetector(ExemplarSet exemplars, MessageModel? model = null)
    {
        _exemplars = exemplars ?? throw new ArgumentNullException(nameof(exemplars));
        _model = model;
    }

    /// <summary>The exemplars compared with (their texts also teach the model: <c>dystoniabot calibrate-reader</c>).</summary>
    public ExemplarSet Exemplars => _exemplars;

    /// <summary>
    /// What of <paramref name="text"/> the reader compares: the message without its opening greeting ("hi, is there a
    /// cure?" is near "hi there"). Its model is fit on the same.
    /// </summary>
    public static string TextRead(string text) => SmallTalkDetector.StripGreeting(text);

    /// <summary>The small talk <paramref name="text"/> is, or null.</summary>
    public SmallTalkKind? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(TextRead(text));
        // One word is what the rules are for ("hi", "thanks"); alone, any other word ("question", "more") is too
        // little to mean small talk by.
        if (normalized.Length > MaxLength || normalized.Split(' ').Length < 2)
        {
            return null;
        }

        return _exemplars.Recognise(_exemplars.Embed(normalized), _model)?.Group.Kind switch
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
