namespace DystoniaBot.Storage;

/// <summary>Tells whether the bot's database answers (for the readiness probe).</summary>
public interface IStorageHealth
{
    /// <summary>Runs a cheap query against the database; throws when it can't be reached.</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}
