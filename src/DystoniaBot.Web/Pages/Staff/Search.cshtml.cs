using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DystoniaBot.Web.Pages.Staff;

/// <summary>/staff/search: ranked passages with the query's words marked, their source, and text ready to quote.</summary>
public sealed class SearchModel : PageModel
{
    private readonly StaffSearch _search;

    /// <summary>Creates the page.</summary>
    public SearchModel(StaffSearch search) => _search = search;

    /// <summary>The query.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>What was found.</summary>
    public IReadOnlyList<StaffSearchHit> Hits { get; private set; } = [];

    /// <summary>Why the query was refused.</summary>
    public string? Problem { get; private set; }

    /// <summary>Searches when there is a query.</summary>
    public void OnGet()
    {
        if (Q is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(Q) || Q.Length > StaffSearch.MaxQueryLength)
        {
            Problem = $"Type 1 to {StaffSearch.MaxQueryLength} characters.";
            return;
        }

        Hits = _search.Search(Q, 5);
    }
}
