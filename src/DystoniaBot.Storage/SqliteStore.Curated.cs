using DystoniaBot.Handoff;
using Microsoft.Data.Sqlite;

namespace DystoniaBot.Storage;

// Curated answers waiting for a second reviewer: each change is one statement.
public sealed partial class SqliteStore : ICuratedSubmissionStore
{
    private const string SubmissionColumns = "id, ticket_reference, question, answer, author, submitted_by, submitted_at, status, reviewed_by, review_note";

    private static void CreateCuratedSubmissionTable(SqliteConnection connection) => Execute(connection, """
        CREATE TABLE IF NOT EXISTS curated_submission (id INTEGER PRIMARY KEY AUTOINCREMENT, ticket_reference TEXT UNIQUE, question TEXT NOT NULL, answer TEXT NOT NULL,
            author TEXT NOT NULL, submitted_by TEXT NOT NULL, submitted_at TEXT NOT NULL, status INTEGER NOT NULL, reviewed_by TEXT, review_note TEXT);
        CREATE INDEX IF NOT EXISTS curated_submission_submitted ON curated_submission (submitted_at);
        """);

    /// <inheritdoc />
    public async Task<CuratedSubmission> SubmitAsync(NewCuratedSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);

        // One statement: a resubmission takes the place of the one sent back (or still pending) for the same ticket.
        var stored = await QuerySubmissionsAsync(
            "INSERT INTO curated_submission (ticket_reference, question, answer, author, submitted_by, submitted_at, status) " +
            "VALUES ($ticket, $question, $answer, $author, $by, $at, 0) ON CONFLICT (ticket_reference) DO UPDATE SET question = excluded.question, " +
            "answer = excluded.answer, author = excluded.author, submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at, status = 0, " +
            $"reviewed_by = NULL, review_note = NULL RETURNING {SubmissionColumns}", write: true, cancellationToken,
            ("$ticket", submission.TicketReference), ("$question", submission.Question), ("$answer", submission.Answer), ("$author", submission.Author),
            ("$by", submission.SubmittedBy), ("$at", Now()));
        return stored.Single();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CuratedSubmission>> ListSubmissionsAsync(int max, CancellationToken cancellationToken) =>
        QuerySubmissionsAsync($"SELECT {SubmissionColumns} FROM curated_submission ORDER BY id LIMIT $max", write: false, cancellationToken, ("$max", max));

    /// <inheritdoc />
    public async Task<CuratedSubmission?> FindSubmissionAsync(long id, CancellationToken cancellationToken) =>
        (await QuerySubmissionsAsync($"SELECT {SubmissionColumns} FROM curated_submission WHERE id = $id", write: false, cancellationToken, ("$id", id))).SingleOrDefault();

    /// <inheritdoc />
    public async Task<CuratedSubmission?> FindSubmissionForTicketAsync(string ticketReference, CancellationToken cancellationToken) =>
        (await QuerySubmissionsAsync($"SELECT {SubmissionColumns} FROM curated_submission WHERE ticket_reference = $ticket", write: false, cancellationToken,
            ("$ticket", ticketReference))).SingleOrDefault();

    /// <inheritdoc />
    public async Task<bool> SendBackAsync(long id, string reviewer, string? note, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE curated_submission SET status = 1, reviewed_by = $reviewer, review_note = $note WHERE id = $id AND status = 0", cancellationToken,
            ("$id", id), ("$reviewer", reviewer), ("$note", note)) == 1;

    /// <inheritdoc />
    public async Task<CuratedSubmission?> TakePendingAsync(long id, CancellationToken cancellationToken) =>
        (await QuerySubmissionsAsync($"DELETE FROM curated_submission WHERE id = $id AND status = 0 RETURNING {SubmissionColumns}", write: true, cancellationToken,
            ("$id", id))).SingleOrDefault();

    /// <inheritdoc />
    public Task<int> DeleteSubmissionsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM curated_submission WHERE submitted_at < $cutoff", cancellationToken, ("$cutoff", Format(cutoff)));

    private async Task<IReadOnlyList<CuratedSubmission>> QuerySubmissionsAsync(string sql, bool write, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        if (write)
        {
            await _writer.WaitAsync(cancellationToken);
        }

        try
        {
            await using var connection = Open();
            await using var command = Command(connection, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var submissions = new List<CuratedSubmission>();
            while (await reader.ReadAsync(cancellationToken))
            {
                string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                submissions.Add(new CuratedSubmission(reader.GetInt64(0), Text(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    Parse(reader.GetString(6)), (CuratedSubmissionStatus)reader.GetInt32(7), Text(8), Text(9)));
            }

            return submissions;
        }
        finally
        {
            if (write)
            {
                _writer.Release();
            }
        }
    }
}
