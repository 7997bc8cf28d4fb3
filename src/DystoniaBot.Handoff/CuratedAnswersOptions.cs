using System.ComponentModel.DataAnnotations;

namespace DystoniaBot.Handoff;

/// <summary>Curated answers (section <c>CuratedAnswers</c>).</summary>
public sealed class CuratedAnswersOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "CuratedAnswers";

    /// <summary>
    /// The link given as the source of a curated answer: the bot's own page, where the health line is presented
    /// (the default is the page of a local run). Written into each entry when it is promoted.
    /// </summary>
    [Required]
    public Uri? SourceUrl { get; set; } = new("http://localhost:3978/");

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SourceUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("CuratedAnswers:SourceUrl must be an absolute http(s) link.", [nameof(SourceUrl)]);
        }
    }
}
