using DystoniaBot.Handoff;

namespace DystoniaBot.Web.Extensions;

/// <summary>Curated answers: staff answers promoted into the knowledge the bot answers from.</summary>
public static class CuratedAnswersExtensions
{
    /// <summary>Registers <see cref="ICuratedAnswers"/> (files in the knowledge folder's <c>curated/</c>) and its options.</summary>
    public static IServiceCollection AddCuratedAnswers(this IServiceCollection services)
    {
        services.AddOptions<CuratedAnswersOptions>().BindConfiguration(CuratedAnswersOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CuratedAnswerFiles>();
        services.AddSingleton<ICuratedAnswers>(provider => provider.GetRequiredService<CuratedAnswerFiles>());
        return services;
    }
}
