using System.Globalization;
using System.Security.Cryptography;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Knowledge;
using DystoniaBot.Knowledge.Documents;
using DystoniaBot.Knowledge.Search;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Handoff;

/// <summary>
/// Curated answers as knowledge files in the knowledge folder's <c>curated/</c>, one <c>&lt;id&gt;.md</c> each: the
/// question is the title, the answer the body, the source "Health-line staff". Each change is written atomically,
/// recorded in the audit log, and followed by a reload of the index so the bot answers from it at once.
/// </summary>
/// <remarks>
/// Singleton; changes are serialised. When another knowledge file is malformed the reload is refused and logged: the
/// running index keeps serving, with only this change applied to it.
/// </remarks>
public sealed partial class CuratedAnswerFiles : ICuratedAnswers, IDisposable
{
    /// <summary>The folder, inside the knowledge folder, that holds curated answers.</summary>
    public const string FolderName = "curated";

    /// <summary>The publisher shown as the source of a curated answer.</summary>
    public const string Publisher = "Health-line staff";

    /// <summary>The licence shown with a curated answer ("… licence").</summary>
    public const string License = "health line's own";

    /// <summary>The credit line of a curated answer.</summary>
    public const string Attribution = "Written and reviewed by the health line's staff.";

    /// <summary>Longest question, in characters.</summary>
    public const int MaxQuestionLength = 500;

    /// <summary>Longest staff name or ticket reference, in characters.</summary>
    public const int MaxNameLength = 100;

    private readonly KnowledgeIndex _index;
    private readonly string _knowledge;
    private readonly Uri _sourceUrl;
    private readonly int _maxAnswerLength;
    private readonly ITicketStore _audit;
    private readonly TimeProvider _time;
    private readonly ILogger<CuratedAnswerFiles> _logger;
    private readonly SemaphoreSlim _changes = new(1, 1);

    /// <summary>Creates the store over the configured knowledge folder.</summary>
    public CuratedAnswerFiles(KnowledgeIndex index, IOptions<KnowledgeOptions> knowledge, IOptions<CuratedAnswersOptions> options, IOptions<HandoffOptions> handoff,
        ITicketStore audit, TimeProvider time, ILogger<CuratedAnswerFiles> logger)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handoff);
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _knowledge = knowledge.Value.ResolvedPath;
        _sourceUrl = options.Value.SourceUrl!;
        _maxAnswerLength = handoff.Value.MaxAnswerLength;
    }

    /// <summary>The folder the entries are written to.</summary>
    public string Folder => Path.Combine(_knowledge, FolderName);

    /// <inheritdoc />
    public async Task<CuratedAnswer> PromoteAsync(string question, string answer, string author, string reviewedBy, string? ticketReference, CancellationToken cancellationToken)
    {
        question = OneLine(question, MaxQuestionLength, nameof(question));
        author = OneLine(author, MaxNameLength, nameof(author));
        reviewedBy = OneLine(reviewedBy, MaxNameLength, nameof(reviewedBy));
        ticketReference = string.IsNullOrWhiteSpace(ticketReference) ? null : OneLine(ticketReference, MaxNameLength, nameof(ticketReference));
        ArgumentNullException.ThrowIfNull(answer);
        answer = answer.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (answer.Length == 0 || answer.Length > _maxAnswerLength)
        {
            throw new ArgumentException($"The answer must have between 1 and {_maxAnswerLength} characters.", nameof(answer));
        }

        var entry = new CuratedAnswer(NewId(question), question, answer, author, TruncateToSeconds(_time.GetUtcNow()), reviewedBy, ticketReference);
        var path = Path.Combine(Folder, entry.Id + ".md");
        var text = ToFile(entry).ToMarkdown();
        KnowledgeDocument document;
        try
        {
            document = KnowledgeDocumentParser.Parse(text, path);
        }
        catch (KnowledgeFormatException e)
        {
            // E.g. an answer made only of Markdown headings, which leaves no passage to quote.
            throw new ArgumentException($"The answer can't be used: {e.Problem}", nameof(answer), e);
        }

        await _changes.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Folder);
            await WriteAtomicallyAsync(path, text, cancellationToken);
            Reload(documents => documents.Append(document));
        }
        finally
        {
            _changes.Release();
        }

        await _audit.AuditAsync(reviewedBy, "promote-answer", ticketReference is null ? entry.Id : $"{ticketReference} → {entry.Id}", cancellationToken);
        LogPromoted(_logger, entry.Id, reviewedBy);
        return entry;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CuratedAnswer>> ListAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var entries = new List<CuratedAnswer>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.md").Where(f => !Path.GetFileName(f).StartsWith("README", StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                entries.Add(FromFile(KnowledgeDocumentParser.ReadFile(await File.ReadAllTextAsync(path, cancellationToken), path), path));
            }
            catch (Exception e) when (e is KnowledgeFormatException or IOException)
            {
                LogUnreadable(_logger, path, e.Message);
            }
        }

        return [.. entries.OrderBy(e => e.ReviewedAt).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(string id, string removedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        removedBy = OneLine(removedBy, MaxNameLength, nameof(removedBy));
        if (!KnowledgeDocumentParser.IsValidId(id))
        {
            return false;
        }

        var path = Path.Combine(Folder, id + ".md");
        await _changes.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            Reload(documents => documents.Where(d => d.Id != id));
        }
        finally
        {
            _changes.Release();
        }

        await _audit.AuditAsync(removedBy, "remove-answer", id, cancellationToken);
        LogRemoved(_logger, id, removedBy);
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _changes.Dispose();

    /// <summary>Reloads the whole knowledge folder; if a file in it is malformed, applies just this change to the running index.</summary>
    private void Reload(Func<IEnumerable<KnowledgeDocument>, IEnumerable<KnowledgeDocument>> change)
    {
        try
        {
            _index.Reload(_knowledge);
        }
        catch (Exception e) when (e is KnowledgeFormatException or IOException or UnauthorizedAccessException)
        {
            LogReloadFailed(_logger, e.Message);
            _index.Replace(KnowledgeBase.FromDocuments(change(_index.Documents)), _index.Lexicon);
        }
    }

    private KnowledgeFile ToFile(CuratedAnswer entry) => new(
        [
            KeyValuePair.Create("id", entry.Id),
            KeyValuePair.Create("title", entry.Question),
            KeyValuePair.Create("publisher", Publisher),
            KeyValuePair.Create("url", _sourceUrl.ToString()),
            KeyValuePair.Create("license", License),
            KeyValuePair.Create("language", "en"),
            KeyValuePair.Create("attribution", Attribution),
            KeyValuePair.Create(CuratedFields.Author, entry.Author),
            KeyValuePair.Create(CuratedFields.Date, entry.ReviewedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            KeyValuePair.Create(CuratedFields.ReviewedBy, entry.ReviewedBy),
            .. entry.TicketReference is { } ticket ? [KeyValuePair.Create(CuratedFields.Ticket, ticket)] : Array.Empty<KeyValuePair<string, string>>(),
        ],
        entry.Answer);

    private static CuratedAnswer FromFile(KnowledgeFile file, string path)
    {
        string Required(string key) => file.Get(key) is { Length: > 0 } value
            ? value
            : throw new KnowledgeFormatException(path, 1, $"front matter has no '{key}'");

        var date = Required(CuratedFields.Date);
        if (!DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var reviewedAt))
        {
            throw new KnowledgeFormatException(path, 1, $"date '{date}' is not a date");
        }

        return new CuratedAnswer(file.Get("id") ?? Path.GetFileNameWithoutExtension(path), Required("title"), file.Body, Required(CuratedFields.Author),
            reviewedAt, Required(CuratedFields.ReviewedBy), file.Get(CuratedFields.Ticket));
    }

    /// <summary>Writes beside the target then renames, so the index never reads half a file.</summary>
    private static async Task WriteAtomicallyAsync(string path, string text, CancellationToken cancellationToken)
    {
        // Not *.md, so a reload running meanwhile never reads it.
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, text, cancellationToken);
            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string NewId(string question)
    {
        var slug = ArticleImporter.Slug(question);
        slug = slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        return slug.Length == 0 ? $"staff-{suffix}" : $"staff-{slug}-{suffix}";
    }

    private static string OneLine(string value, int maxLength, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        var line = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length is > 0 and var length && length <= maxLength
            ? line
            : throw new ArgumentException($"{name} must have between 1 and {maxLength} characters.", name);
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Information, Message = "Curated answer {Id} promoted by {ReviewedBy}")]
    private static partial void LogPromoted(ILogger logger, string id, string reviewedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Curated answer {Id} removed by {RemovedBy}")]
    private static partial void LogRemoved(ILogger logger, string id, string removedBy);

    [LoggerMessage(Level = LogLevel.Error, Message = "The knowledge folder could not be reloaded, so the running index keeps serving with only this change applied: {Problem}")]
    private static partial void LogReloadFailed(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Curated answer file {Path} could not be read: {Problem}")]
    private static partial void LogUnreadable(ILogger logger, string path, string problem);
}
