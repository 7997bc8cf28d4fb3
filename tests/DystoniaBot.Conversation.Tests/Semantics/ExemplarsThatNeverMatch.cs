using DystoniaBot.Conversation.Semantics;
using DystoniaBot.Knowledge.Embeddings;

namespace DystoniaBot.Conversation.Tests.Semantics;

/// <summary>
/// Exemplar sets whose threshold (0.99) no real message reaches, so that what a reader recognises with them is what
/// its learned model recognises; each group keeps one exemplar to name what the model flags.
/// </summary>
internal static class ExemplarsThatNeverMatch
{
    /// <summary>Groups given as (header, exemplar), e.g. ("[thanks] thanks", "thank you so much").</summary>
    public static ExemplarSet Of(params (string Header, string Exemplar)[] groups) =>
        ExemplarSet.Parse("threshold 0.99\n" + string.Concat(groups.Select(g => $"{g.Header}\n{g.Exemplar}\n")), "test", TextEmbedder.Default);
}
