namespace DystoniaBot.Knowledge.Documents;

/// <summary>Where a knowledge document comes from and how it must be credited.</summary>
/// <param name="Title">The article's title.</param>
/// <param name="Publisher">Who published it.</param>
/// <param name="Url">Link to the publisher or the article.</param>
/// <param name="License">The licence it is used under.</param>
/// <param name="Attribution">The credit line the licence asks for, shown with every answer.</param>
/// <param name="Language">The article's language (BCP 47), e.g. <c>en</c>.</param>
public sealed record SourceInfo(string Title, string Publisher, Uri Url, string License, string Attribution, string Language)
{
    /// <summary>
    /// Whether this is a curated answer (the health line's own staff, reviewed) rather than a published article:
    /// the bot answers from both but names only articles when it says where its knowledge comes from.
    /// </summary>
    public bool IsCurated { get; init; }

    /// <summary>
    /// What the publisher says about itself on the article's page ("CCM is a leading international tech website…"),
    /// when it says anything: shown to someone who asks who the publisher is, how many read it, or whether it is a
    /// medical site, so they can judge the source themselves.
    /// </summary>
    public string? PublisherAbout { get; init; }
}
