using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Handoff;
using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DystoniaBot.Web.Pages.Staff;

/// <summary>
/// /staff: the questions users forwarded, a page at a time with how many there are, filtered by status and sorted
/// oldest or newest first; several can be chosen and closed together (junk as spam).
/// </summary>
public sealed class QueueModel : PageModel
{
    private readonly StaffQuestions _questions;
    private readonly TimeProvider _time;

    /// <summary>Creates the page.</summary>
    public QueueModel(StaffQuestions questions, TimeProvider time)
    {
        _questions = questions;
        _time = time;
    }

    /// <summary>The filters offered.</summary>
    public static IReadOnlyList<string> StatusOptions { get; } = ["open", "answered", "closed", "all"];

    /// <summary>The status shown.</summary>
    [BindProperty(SupportsGet = true)]
    public string Status { get; set; } = "open";

    /// <summary>Questions per page, as asked for.</summary>
    [BindProperty(SupportsGet = true)]
    public string? PageSize { get; set; }

    /// <summary>oldest or newest (first).</summary>
    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "oldest";

    /// <summary>The page shown.</summary>
    public QueuePage Shown { get; private set; } = new(TicketStatus.Open, 1, StaffQuestions.DefaultPageSize, false);

    /// <summary>The tickets shown.</summary>
    public IReadOnlyList<Ticket> Tickets { get; private set; } = [];

    /// <summary>How many questions of the status there are, on every page.</summary>
    public int Total { get; private set; }

    /// <summary>How many pages that makes.</summary>
    public int Pages => Math.Max(1, (Total + Shown.PageSize - 1) / Shown.PageSize);

    /// <summary>How many questions have each status.</summary>
    public IReadOnlyDictionary<TicketStatus, int> Counts { get; private set; } = new Dictionary<TicketStatus, int>();

    /// <summary>Now, for ages.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>Why the filter was not understood.</summary>
    public string? Problem { get; private set; }

    /// <summary>What the last action did (a close of several questions).</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>The count shown beside a filter.</summary>
    public int CountOf(string option) => option == "all" ? Counts.Values.Sum()
        : StaffQuestions.TryParseStatus(option, out var status) && status is { } one && Counts.TryGetValue(one, out var count) ? count : 0;

    /// <summary>The link to page <paramref name="page"/> of the same view.</summary>
    public string Link(int page) =>
        $"/staff?status={Uri.EscapeDataString(Status)}&sort={Shown.Sort}&page={page}" + (Shown.PageSize == StaffQuestions.DefaultPageSize ? "" : $"&pageSize={Shown.PageSize}");

    /// <summary>Lists the tickets.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = _time.GetUtcNow();
        // Read from the query itself: Razor Pages' own route value "page" (the page's path) would win a model binding.
        var (page, problem) = StaffQuestions.ParsePage(Status, Request.Query["page"].FirstOrDefault(), PageSize, Sort);
        if (page is null)
        {
            Problem = Status is not null && !StaffQuestions.TryParseStatus(Status, out _) ? "Choose open, answered, closed or all." : problem;
            page = new QueuePage(TicketStatus.Open, 1, StaffQuestions.DefaultPageSize, false);
            Status = "open";
        }

        Shown = page;
        Status = page.Status?.ToString().ToLowerInvariant() ?? "all";
        Sort = page.Sort;
        var found = await _questions.PageAsync(page, cancellationToken);
        (Tickets, Total) = (found.Tickets, found.Total);
        Counts = await _questions.CountsAsync(cancellationToken);
    }
}
