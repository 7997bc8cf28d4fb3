using DystoniaBot.Conversation.Safety;
using DystoniaBot.Conversation.Semantics;
using DystoniaBot.Conversation.SmallTalk;
using DystoniaBot.Knowledge.Embeddings;

namespace DystoniaBot.Conversation.Tests.Semantics;

public class MessageModelTests
{
    [Theory]
    [InlineData(SemanticRedFlagDetector.ModelResource, "calibrate-reader emergency")]
    [InlineData(SemanticSmallTalkDetector.ModelResource, "calibrate-reader smalltalk")]
    public void LoadResource_ShouldReadTheShippedModels_FitAndValidatedByTheCommand(string resource, string command)
    {
        var model = MessageModel.LoadResource(resource);

        Assert.Contains(command, model.Description, StringComparison.Ordinal);
        Assert.Contains("held out in turn", model.Description, StringComparison.Ordinal);
        Assert.InRange(model.Threshold, 0.5, 0.999);
        Assert.Equal(TextEmbedder.Dimensions, model.Classifier.FeatureCount);
    }

    [Fact]
    public void Parse_ShouldRefuseAModelOfAnotherEmbedding_NamingTheCommandThatRefitsIt()
    {
        var json = MessageModel.LoadResource(SemanticRedFlagDetector.ModelResource).ToJson()
            .Replace(TextEmbedder.ModelName, "another-model", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => MessageModel.Parse(json, "red-flag-model.json"));

        Assert.Contains("another-model", error.Message, StringComparison.Ordinal);
        Assert.Contains("dystoniabot calibrate-reader", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("""{"embedding": "snowflake-arctic-embed-xs", "threshold": 0.8}""")]
    public void Parse_ShouldRefuseWhatIsNoModel(string json)
    {
        Assert.Throws<FormatException>(() => MessageModel.Parse(json, "model.json"));
    }

    [Fact]
    public void Calibrate_ShouldHoldOutEachSet_ChooseAThreshold_AndFitOnAll()
    {
        // Three small sets in different words; each is scored by a model fit on the other two.
        LabelledMessage[] messages =
        [
            new("my little boy swallowed a handful of my tablets and is very sleepy", true, "a"),
            new("she cannot breathe and her lips are turning blue", true, "a"),
            new("what is dystonia", false, "a"),
            new("does dystonia run in families", false, "a"),
            new("is there a cure for it", false, "a"),
            new("my dad took all his pills at once and will not wake up", true, "b"),
            new("he is choking and gasping for air right now", true, "b"),
            new("how is dystonia diagnosed", false, "b"),
            new("what treatments are there", false, "b"),
            new("can botox help the neck", false, "b"),
            new("the toddler got into the medicine cupboard and ate some pills", true, "c"),
            new("his face went grey and he is fighting for breath", true, "c"),
            new("what causes dystonia", false, "c"),
            new("is dystonia the same as parkinson's", false, "c"),
            new("which doctor treats dystonia", false, "c"),
        ];

        var (model, validation, teaching, curve) = MessageModel.Calibrate("emergency", messages, TextEmbedder.Default, falsePerThousand: 0);

        Assert.Equal(6, validation.OfKind);
        Assert.Equal(9, validation.Others);
        Assert.Equal(0, validation.FalseFlags);
        Assert.Equal(model.Threshold, validation.Threshold);
        Assert.Null(teaching);
        Assert.Null(model.PartThreshold);
        // Looser budgets never recognise fewer.
        Assert.Equal(8, curve.Count);
        Assert.True(curve.Zip(curve.Skip(1)).All(p => p.First.People.Caught <= p.Second.People.Caught));
        Assert.Contains("3 sets", model.Description, StringComparison.Ordinal);
        var embedder = TextEmbedder.Default;
        Assert.True(model.Probability(embedder.EmbedQuery("my daughter has swallowed some of her gran's pills")) >
            model.Probability(embedder.EmbedQuery("what are the symptoms of dystonia")));
    }

    [Fact]
    public void Calibrate_ShouldReadPartsOfLongMessages_AndKeepTeachingSetsOutOfTheFalseReadingBudget()
    {
        // Each set tells one emergency inside a long, ordinary message: only its sentences show it.
        LabelledMessage[] messages =
        [
            new("she cannot breathe and her lips are turning blue", true, "a"),
            new("thanks for the info about botox. my toddler just swallowed a handful of my tablets.", true, "a"),
            new("what is dystonia", false, "a"),
            new("does dystonia run in families. my aunt has it too.", false, "a"),
            new("my dad took all his pills at once and will not wake up", true, "b"),
            new("how long does the injection last. he is choking and gasping for air right now.", true, "b"),
            new("how is dystonia diagnosed", false, "b"),
            new("what treatments are there. my neck is stiff in the morning.", false, "b"),
            new("the baby got into the medicine cupboard and ate some pills", true, "c"),
            new("is there a cure for it. his face went grey and he is fighting for breath.", true, "c"),
            new("what causes dystonia", false, "c"),
            new("which doctor treats dystonia. we live in a small town.", false, "c"),
            new("can botox spread to the throat", false, "hard", Teaching: true),
            new("what are the signs of a stroke", false, "hard", Teaching: true),
            new("her lips went blue and she is not breathing", true, "hard", Teaching: true),
        ];
        static IReadOnlyList<string> Sentences(string text) =>
            text.Split(". ", StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } sentences ? sentences : [];

        var (model, validation, teaching, _) = MessageModel.Calibrate("emergency", messages, TextEmbedder.Default, falsePerThousand: 0, Sentences);

        // The teaching set is held out and reported apart; the threshold is set on the sets people wrote.
        Assert.Equal(6, validation.OfKind);
        Assert.Equal(6, validation.Others);
        Assert.Equal(0, validation.FalseFlags);
        Assert.NotNull(teaching);
        Assert.Equal(1, teaching.OfKind);
        Assert.Equal(2, teaching.Others);
        Assert.Equal(model.PartThreshold, validation.PartThreshold);
        Assert.Contains("1 written to teach it", model.Description, StringComparison.Ordinal);
        var reread = MessageModel.Parse(model.ToJson(), "model.json");
        Assert.Equal(model.PartThreshold, reread.PartThreshold);
        Assert.Equal(model.Threshold, reread.Threshold);
    }

    [Fact]
    public void TheShippedRedFlagModel_ShouldReadSentencesAtAStricterThreshold()
    {
        var model = MessageModel.LoadResource(SemanticRedFlagDetector.ModelResource);

        Assert.NotNull(model.PartThreshold);
        Assert.True(model.PartThreshold > model.Threshold);
    }

    [Fact]
    public void ReadsPart_ShouldNeverRead_WithoutAPartThreshold()
    {
        var model = MessageModel.LoadResource(SemanticSmallTalkDetector.ModelResource);
        var vector = TextEmbedder.Default.EmbedQuery("thank you so much");

        Assert.Null(model.PartThreshold);
        Assert.True(model.Reads(vector));
        Assert.False(model.ReadsPart(vector));
    }

    [Fact]
    public void Calibrate_ShouldRefuseASingleSet()
    {
        LabelledMessage[] messages = [new("she cannot breathe", true, "a"), new("what is dystonia", false, "a")];

        Assert.Throws<ArgumentException>(() => MessageModel.Calibrate("emergency", messages, TextEmbedder.Default, 1));
    }
}
