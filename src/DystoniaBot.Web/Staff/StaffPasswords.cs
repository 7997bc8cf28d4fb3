using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Web.Staff;

/// <summary>How staff passwords are hashed: ASP.NET Core Identity's PBKDF2-HMAC-SHA512 at the iterations OWASP asks for.</summary>
public static class StaffPasswords
{
    /// <summary>
    /// PBKDF2 iterations for new hashes: OWASP's 210,000 for HMAC-SHA512 (Identity's default is 100,000). A hash made
    /// with fewer is still accepted and replaced at its next successful sign-in.
    /// </summary>
    /// <remarks>The CLI's StaffAccountFile hashes with the same count; keep the two in step.</remarks>
    public const int Iterations = 210_000;

    /// <summary>The hasher, at <see cref="Iterations"/>.</summary>
    public static PasswordHasher<StaffAccountOptions> Hasher { get; } = new(Options.Create(new PasswordHasherOptions { IterationCount = Iterations }));
}
