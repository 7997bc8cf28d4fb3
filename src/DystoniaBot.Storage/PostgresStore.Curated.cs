using DystoniaBot.Handoff;
using Npgsql;

namespace DystoniaBot.Storage;

// Curated answers waiting for a second reviewer: each change is one statement, so two reviewers approving at once
// can't both take the same submission.
public sealed partial class PostgresStore : ICuratedSubmissionStore
{
    private const string SubmissionColumns = "id, ticket_reference, question, answer, author, submitted_by, submitted_at, status, reviewed_by, review_note";

    /// <inheritdoc />
    public async Task<CuratedSubmission> SubmitAsync(NewCuratedSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var stored = await QuerySubmissionsAsync(
            "INSERT INTO curated_submission (ticket_reference, question, answer, author, submitted_by, submitted_at, status) VALUES ($1, $2, $3, $4, $5, $6, 0) " +
            "ON CONFLICT (ticket_reference) DO UPDATE SET question = excluded.question, answer = excluded.answer, author = excluded.author, " +
            "submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at, status = 0, reviewed_by = NULL, review_note = NULL " +
            $"RETURNING {SubmissionColumns}", rerunnable: false, cancellationToken,
            submission.TicketReference, submission.Question, submission.Answer, submission.Author, submission.SubmittedBy, DateTimeOffset.UtcNow);
        return stored.Single();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CuratedSubmission>> ListSubmissionsAsync(int max, CancellationToken cancellationToken) =>
        QuerySubmissionsAsync($"SELECT {SubmissionColumns} FROM curated_submission ORDER BY id LIMIT $1", rerunnable: true, cancellationToken, Math.Max(0, max));

    /// <inheritdoc />
    public async Task<CuratedSubmission?> FindSubmissionAsync(long id, CancellationToken cancellationToken) =>
        (await QuerySubmissionsAsync($"SELECT {SubmissionColumns} FROM curated_submission WHERE id = $1", rerunnable: true, cancellationToken, id)).SingleOrDefault();

    /// <inheritdoc />
    public async Task<CuratedSubmission?> FindSubmissionForTicketAsync(string ticketReference, CancellationToken cancellationToken) =>
        (await QuerySubmissionsAsync($"SELECT {SubmissionColumns} FROM curated_submission WHERE ticket_reference = $1", rerunnable: true, cancellationToken,
            ticketReference)).SingleOrDefault();

    /// <inheritdoc />
    public async Task<bool> SendBackAsync(long id, string reviewer, string? note, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE curated_submission SET status = 1, reviewed_by = $2, review_note = $3 WHERE id = $1 AND status = 0", cancellationToken,
            id, reviewer, note) == 1;

    /// <inheritdoc />
    public async Task<CuratedSubmission?> TakePendingAsync(long id, CancellationToken cancellationToken) =>
        (await QuerySubmissionsAsync($"DELETE FROM curated_submission WHERE id = $1 AND status = 0 RETURNING {SubmissionColumns}", rerunnable: false, cancellationToken,
            id)).SingleOrDefault();

    /// <inheritdoc />
    public Task<int> DeleteSubmissionsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM curated_submission WHERE submitted_at < $1", cancellationToken, cutoff);

    private Task<IReadOnlyList<CuratedSubmission>> QuerySubmissionsAsync(string sql, bool rerunnable, CancellationToken cancellationToken, params object?[] values) =>
        OnLiveConnectionAsync<IReadOnlyList<CuratedSubmission>>(async () =>
        {
            await using var command = Command(sql, values);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var submissions = new List<CuratedSubmission>();
            while (await reader.ReadAsync(cancellationToken))
            {
                submissions.Add(ReadSubmission(reader));
            }

            return submissions;
        }, rerunnable);

    private static CuratedSubmission ReadSubmission(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), TextOrNull(reader, 1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
        reader.GetFieldValue<DateTimeOffset>(6), (CuratedSubmissionStatus)reader.GetInt32(7), TextOrNull(reader, 8), TextOrNull(reader, 9));
}
