namespace DystoniaBot.Storage;

/// <summary>Failed staff sign-ins counted under one key: how many, and when the last one was.</summary>
/// <param name="Key">The key (an opaque digest made by the caller).</param>
/// <param name="Failures">Failures counted since the count last started again.</param>
/// <param name="LastFailureAt">When the last one was.</param>
public sealed record SignInFailureCount(string Key, int Failures, DateTimeOffset LastFailureAt);

/// <summary>
/// Counts of failed staff sign-ins, shared through the database so that every instance behind one address delays the
/// same visitor alike (and a restart forgets nothing). Keys are opaque to the store.
/// </summary>
public interface ISignInFailures
{
    /// <summary>How long a count is remembered after its last failure: longer than any delay can be configured to last.</summary>
    static readonly TimeSpan RememberedFor = TimeSpan.FromDays(1);

    /// <summary>The counts stored under <paramref name="keys"/> (a key with none is left out).</summary>
    Task<IReadOnlyList<SignInFailureCount>> ReadSignInFailuresAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one more failure at <paramref name="at"/> under each of <paramref name="keys"/>; a count whose last failure
    /// was before <paramref name="forgetBefore"/> starts again from one.
    /// </summary>
    Task RecordSignInFailureAsync(IReadOnlyCollection<string> keys, DateTimeOffset at, DateTimeOffset forgetBefore, CancellationToken cancellationToken);

    /// <summary>Forgets the counts under <paramref name="keys"/> (a sign-in succeeded).</summary>
    Task ForgetSignInFailuresAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Deletes counts whose last failure was before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteSignInFailuresBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
