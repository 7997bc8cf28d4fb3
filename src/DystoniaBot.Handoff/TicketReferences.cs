using System.Security.Cryptography;

namespace DystoniaBot.Handoff;

/// <summary>The references askers are given for their tickets.</summary>
public static class TicketReferences
{
    // Crockford's base 32 without I, L, O, U: references read aloud over the phone without confusion.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new random reference such as Q-7K3M9P; stores keep them unique and draw again on a clash.</summary>
    public static string New()
    {
        Span<char> code = stackalloc char[6];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return "Q-" + new string(code);
    }
}
