using System.Text.Json;
using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DystoniaBot.Web.Staff;

/// <summary>A ticket as the API shows it (never the asker's ids).</summary>
/// <param name="Reference">The reference the asker was given.</param>
/// <param name="Question">The question as the asker agreed to send it.</param>
/// <param name="Status">open, answered or closed.</param>
/// <param name="CreatedAt">When it was sent.</param>
/// <param name="Answer">The staff answer, once given.</param>
/// <param name="AnsweredBy">Who answered or closed it.</param>
/// <param name="AnsweredAt">When.</param>
/// <param name="Delivery">none, pending or delivered: of the answer, or of the message telling the asker it was closed.</param>
/// <param name="DeliveryError">Why the last delivery try failed, while pending.</param>
/// <param name="NextDeliveryAt">When delivery is tried next, while pending.</param>
/// <param name="CloseReason">Why it was closed (care-team, not-dystonia, duplicate, spam), once closed.</param>
/// <param name="CloseNote">The note for the asker given when closing it, if any.</param>
public sealed record StaffTicketJson(string Reference, string Question, string Status, DateTimeOffset CreatedAt, string? Answer, string? AnsweredBy,
    DateTimeOffset? AnsweredAt, string Delivery, string? DeliveryError, DateTimeOffset? NextDeliveryAt = null, string? CloseReason = null, string? CloseNote = null)
{
    /// <summary>The API's view of <paramref name="ticket"/>.</summary>
    public static StaffTicketJson From(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new(ticket.Reference, ticket.Question, ticket.Status.ToString().ToLowerInvariant(), ticket.CreatedAt, ticket.Answer, ticket.AnsweredBy,
            ticket.AnsweredAt, ticket.Delivery.ToString().ToLowerInvariant(), ticket.DeliveryError,
            ticket.Delivery == DeliveryStatus.Pending ? ticket.NextDeliveryAt : null,
            ticket.CloseReason is { } reason ? TicketCloseReasons.Code(reason) : null, ticket.CloseNote);
    }
}

/// <summary>A page of questions and how many there are.</summary>
/// <param name="Status">The status asked for (open, answered, closed or all).</param>
/// <param name="Sort">oldest or newest (first).</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">Questions per page.</param>
/// <param name="Total">How many questions of that status there are, on every page.</param>
/// <param name="Pages">How many pages that makes.</param>
/// <param name="Questions">This page's questions.</param>
public sealed record StaffQuestionPageJson(string Status, string Sort, int Page, int PageSize, int Total, int Pages, IReadOnlyList<StaffTicketJson> Questions);

/// <summary>A passage found by the API's search.</summary>
/// <param name="PassageId">The passage's id.</param>
/// <param name="Text">Its text.</param>
/// <param name="MatchedWords">Words of the text that matched the query.</param>
/// <param name="Score">Confidence in [0, 1].</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="TextWithAttribution">The text with its credit, ready to quote.</param>
public sealed record StaffSearchHitJson(string PassageId, string Text, IReadOnlyList<string> MatchedWords, double Score, StaffSourceJson Source, string TextWithAttribution);

/// <summary>A passage's source.</summary>
/// <param name="Title">The article's title.</param>
/// <param name="Publisher">Its publisher.</param>
/// <param name="Url">Link.</param>
/// <param name="License">The licence it is used under.</param>
/// <param name="Attribution">The credit line.</param>
public sealed record StaffSourceJson(string Title, string Publisher, Uri Url, string License, string Attribution);

/// <summary>The body of an answer.</summary>
/// <param name="Answer">The staff answer, as the asker will read it.</param>
public sealed record StaffAnswerRequest(string? Answer);

/// <summary>The body of a close.</summary>
/// <param name="Reason">Why it is closed: care-team, not-dystonia, duplicate or spam (required).</param>
/// <param name="Note">A few words for the asker, added to the message telling them (not sent for spam).</param>
public sealed record StaffCloseRequest(string? Reason, string? Note);

/// <summary>The body of a close of several questions at once.</summary>
/// <param name="References">The questions' references (at most 100).</param>
/// <param name="Reason">Why they are closed (spam, for junk).</param>
/// <param name="Note">A note for the askers (not sent for spam).</param>
public sealed record StaffBulkCloseRequest(IReadOnlyList<string>? References, string? Reason, string? Note);

/// <summary>What a close of several questions did.</summary>
/// <param name="Closed">The references closed.</param>
/// <param name="NotClosed">The references left as they were: unknown, or no longer open.</param>
public sealed record StaffBulkCloseJson(IReadOnlyList<string> Closed, IReadOnlyList<string> NotClosed);

/// <summary>A rating of "not helpful".</summary>
/// <param name="At">When.</param>
/// <param name="Question">The question.</param>
/// <param name="PassageId">The passage answered with.</param>
/// <param name="Passage">That passage's text.</param>
/// <param name="Comment">The user's comment.</param>
public sealed record StaffFeedbackJson(DateTimeOffset At, string? Question, string? PassageId, string? Passage, string? Comment);

/// <summary>What an admin's erasure deleted.</summary>
/// <param name="Conversation">The conversation erased (<c>channel/conversation</c>).</param>
/// <param name="Reference">The question it was named by, if any.</param>
/// <param name="DeletedRows">How many rows went (state, reference, sent answers, ratings, tickets, Direct Line activities).</param>
public sealed record StaffErasureJson(string Conversation, string? Reference, int DeletedRows);

/// <summary>The staff JSON API under /api/staff, for other tools (bearer API keys).</summary>
public static class StaffApiEndpoints
{
    private static readonly string CloseBodyProblem = "Say why it is closed, as JSON: {\"reason\": \"not-dystonia\", \"note\": \"…\"} (the note is optional). " + StaffQuestions.ReasonRequired;

    /// <summary>Maps the API.</summary>
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/staff").RequireAuthorization(StaffRoles.ApiPolicy).WithTags("Staff")
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized), new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden),
                new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(ProblemDetails), ["application/problem+json"]));
        api.MapGet("/search", Search).WithSummary("Search the knowledge base: ranked passages with their source.");
        api.MapGet("/questions", ListQuestions)
            .WithSummary("Questions forwarded by users, a page at a time, with the total: ?status=open|answered|closed|all&page=1&pageSize=50&sort=oldest|newest.")
            .WithDescription($"Every parameter is optional: status all, page 1, pageSize {StaffQuestions.DefaultPageSize} (at most {StaffQuestions.MaxPageSize}), sort oldest (first). " +
                "'total' counts the questions of that status on every page; a page past the last is empty.");
        api.MapGet("/questions/{reference}", GetQuestion).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One question by its reference (e.g. Q-7K3M9P).");
        api.MapPost("/questions/{reference}/answer", Answer).Accepts<StaffAnswerRequest>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Answer an open question; the answer is delivered into the asker's chat.");
        api.MapPost("/questions/{reference}/close", Close).Accepts<StaffCloseRequest>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Close an open question without an answer, for a reason; unless it is spam the asker is told in their chat.")
            .WithDescription("The reason is required: care-team (best answered by their neurologist or care team), not-dystonia, duplicate or spam. " +
                "The asker gets a message saying it was closed, why, and what to do next (with the note, if given), delivered and retried like an answer; " +
                "nothing is sent for spam. The audit log records who closed it and the reason's code.");
        api.MapPost("/questions/close", CloseMany).Accepts<StaffBulkCloseRequest>("application/json")
            .WithSummary("Close several open questions at once for one reason, e.g. junk as spam: {\"references\": [\"Q-…\"], \"reason\": \"spam\"}.")
            .WithDescription("At most 100 at a time. Each is closed and audited as one close would be; those unknown or no longer open are listed in 'notClosed'.");
        api.MapGet("/audit", Audit).RequireAuthorization(StaffRoles.ApiAdminPolicy).WithSummary("The audit log, newest first (admin keys only).");
        api.MapDelete("/conversations", Erase).RequireAuthorization(StaffRoles.ApiAdminPolicy)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Erase everything kept of one conversation (admin keys only): its state, reference, sent answers, ratings, questions and their answers, and its Direct Line log.")
            .WithDescription("Name it by one of its questions (?reference=Q-7K3M9P) or by the conversation (?conversation=channel/conversation id). " +
                "Deleted in one transaction and audited (who, when, which reference and conversation; never what was in it). Cannot be undone.");
        api.MapGet("/feedback", Feedback).WithSummary("Answers users rated not helpful, newest first, with their question and passage.");
        return endpoints;
    }

    private static Results<Ok<IReadOnlyList<StaffSearchHitJson>>, ProblemHttpResult> Search(string? q, string? max, StaffSearch search)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > StaffSearch.MaxQueryLength)
        {
            return Problem($"Give a query 'q' of 1 to {StaffSearch.MaxQueryLength} characters.");
        }

        var count = 5;
        if (max is not null && (!int.TryParse(max, System.Globalization.CultureInfo.InvariantCulture, out count) || count is < 1 or > 20))
        {
            return Problem("'max' must be a number from 1 to 20.");
        }

        IReadOnlyList<StaffSearchHitJson> hits = [.. search.Search(q, count).Select(h => new StaffSearchHitJson(h.PassageId, h.Text, h.MatchedWords, h.Score,
            new StaffSourceJson(h.Source.Title, h.Source.Publisher, h.Source.Url, h.Source.License, h.Source.Attribution), h.TextWithAttribution))];
        return TypedResults.Ok(hits);
    }

    private static async Task<Results<Ok<StaffQuestionPageJson>, ProblemHttpResult>> ListQuestions(string? status, string? page, string? pageSize, string? sort,
        StaffQuestions questions, CancellationToken cancellationToken)
    {
        var (asked, problem) = StaffQuestions.ParsePage(status, page, pageSize, sort);
        if (asked is null)
        {
            return Problem(problem!);
        }

        var found = await questions.PageAsync(asked, cancellationToken);
        return TypedResults.Ok(new StaffQuestionPageJson(asked.Status?.ToString().ToLowerInvariant() ?? "all", asked.Sort, asked.Page, asked.PageSize, found.Total,
            (found.Total + asked.PageSize - 1) / asked.PageSize, [.. found.Tickets.Select(StaffTicketJson.From)]));
    }

    private static async Task<Results<Ok<StaffTicketJson>, ProblemHttpResult>> GetQuestion(string reference, HttpContext http, StaffQuestions questions, CancellationToken cancellationToken)
    {
        if (!StaffQuestions.IsReference(reference.ToUpperInvariant()))
        {
            return BadReference();
        }

        var ticket = await questions.ReadAsync(reference, http.User.Identity!.Name!, cancellationToken);
        return ticket is null ? Problem("No question has that reference.", StatusCodes.Status404NotFound) : TypedResults.Ok(StaffTicketJson.From(ticket));
    }

    private static async Task<Results<Ok<StaffTicketJson>, ProblemHttpResult>> Answer(string reference, HttpRequest request, StaffQuestions questions, CancellationToken cancellationToken)
    {
        if (!StaffQuestions.IsReference(reference.ToUpperInvariant()))
        {
            return BadReference();
        }

        StaffAnswerRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<StaffAnswerRequest>(cancellationToken);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return Problem("The body must be JSON: {\"answer\": \"…\"}.");
        }

        return Outcome(await questions.AnswerAsync(reference, body?.Answer, request.HttpContext.User.Identity!.Name!, cancellationToken));
    }

    private static async Task<Results<Ok<StaffTicketJson>, ProblemHttpResult>> Close(string reference, HttpRequest request, StaffQuestions questions, CancellationToken cancellationToken)
    {
        if (!StaffQuestions.IsReference(reference.ToUpperInvariant()))
        {
            return BadReference();
        }

        StaffCloseRequest? body;
        try
        {
            body = request.ContentLength is 0 || (request.ContentLength is null && !request.HasJsonContentType())
                ? null
                : await request.ReadFromJsonAsync<StaffCloseRequest>(cancellationToken);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return Problem(CloseBodyProblem);
        }

        if (body?.Reason is null)
        {
            return Problem(CloseBodyProblem);
        }

        return Outcome(await questions.CloseAsync(reference, body.Reason, body.Note, request.HttpContext.User.Identity!.Name!, cancellationToken));
    }

    private static async Task<Results<Ok<StaffBulkCloseJson>, ProblemHttpResult>> CloseMany(HttpRequest request, StaffQuestions questions, CancellationToken cancellationToken)
    {
        StaffBulkCloseRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<StaffBulkCloseRequest>(cancellationToken);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            body = null;
        }

        if (body?.References is not { Count: > 0 and <= Pages.Staff.CloseModel.MaxAtOnce } references || references.Any(r => !StaffQuestions.IsReference(r?.Trim().ToUpperInvariant())))
        {
            return Problem($"Give 1 to {Pages.Staff.CloseModel.MaxAtOnce} references like Q-7K3M9P and a reason, as JSON: {{\"references\": [\"Q-7K3M9P\"], \"reason\": \"spam\"}}.");
        }

        if (TicketCloseReasons.FromCode(body.Reason) is null)
        {
            return Problem(CloseBodyProblem);
        }

        var (closed, notClosed) = (new List<string>(), new List<string>());
        foreach (var reference in references.Select(r => r.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal))
        {
            var result = await questions.CloseAsync(reference, body.Reason, body.Note, request.HttpContext.User.Identity!.Name!, cancellationToken);
            if (result.Outcome == StaffOutcome.Invalid)
            {
                return Problem(result.Message!);
            }

            (result.Outcome == StaffOutcome.Done ? closed : notClosed).Add(reference);
        }

        return TypedResults.Ok(new StaffBulkCloseJson(closed, notClosed));
    }

    private static async Task<Ok<IReadOnlyList<StaffFeedbackJson>>> Feedback(StaffQuestions questions, CancellationToken cancellationToken)
    {
        IReadOnlyList<StaffFeedbackJson> feedback = [.. (await questions.UnhelpfulAsync(cancellationToken)).Select(f => new StaffFeedbackJson(f.At, f.Question, f.PassageId, f.PassageText, f.Comment))];
        return TypedResults.Ok(feedback);
    }

    private static async Task<Results<Ok<StaffErasureJson>, ProblemHttpResult>> Erase(string? reference, string? conversation, HttpContext http, StaffErasure erasure,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference) == string.IsNullOrWhiteSpace(conversation))
        {
            return Problem("Give either 'reference' (a question's, like Q-7K3M9P) or 'conversation' (channel/conversation id), not both.");
        }

        if (reference is not null ? !StaffQuestions.IsReference(reference.Trim().ToUpperInvariant()) : !StaffErasure.IsConversationKey(conversation!.Trim()))
        {
            return reference is not null ? BadReference() : Problem("'conversation' must be channel/conversation id.");
        }

        var (target, problem) = await erasure.FindAsync(reference ?? conversation, cancellationToken);
        if (target is null)
        {
            return Problem(problem!, StatusCodes.Status404NotFound);
        }

        var deleted = await erasure.EraseAsync(target, http.User.Identity!.Name!, cancellationToken);
        return deleted == 0 && target.Reference is null
            ? Problem("Nothing is kept of that conversation.", StatusCodes.Status404NotFound)
            : TypedResults.Ok(new StaffErasureJson(target.ConversationKey, target.Reference, deleted));
    }

    private static async Task<Ok<IReadOnlyList<AuditEntry>>> Audit(ITicketStore tickets, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tickets.ListAuditAsync(500, cancellationToken));

    private static Results<Ok<StaffTicketJson>, ProblemHttpResult> Outcome(StaffResult result) => result.Outcome switch
    {
        StaffOutcome.Done => TypedResults.Ok(StaffTicketJson.From(result.Ticket!)),
        StaffOutcome.NotFound => Problem(result.Message!, StatusCodes.Status404NotFound),
        StaffOutcome.NotOpen => Problem(result.Message!, StatusCodes.Status409Conflict),
        _ => Problem(result.Message!),
    };

    private static ProblemHttpResult BadReference() => Problem("A reference looks like Q-7K3M9P.");

    private static ProblemHttpResult Problem(string detail, int status = StatusCodes.Status400BadRequest) => TypedResults.Problem(detail, statusCode: status);
}
