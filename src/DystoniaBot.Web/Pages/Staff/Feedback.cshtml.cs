using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DystoniaBot.Web.Pages.Staff;

/// <summary>/staff/feedback: answers users rated not helpful, with the question and the passage.</summary>
public sealed class FeedbackModel : PageModel
{
    private readonly StaffQuestions _questions;

    /// <summary>Creates the page.</summary>
    public FeedbackModel(StaffQuestions questions) => _questions = questions;

    /// <summary>The ratings shown, newest first.</summary>
    public IReadOnlyList<UnhelpfulAnswer> Unhelpful { get; private set; } = [];

    /// <summary>Lists them.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => Unhelpful = await _questions.UnhelpfulAsync(cancellationToken);
}
