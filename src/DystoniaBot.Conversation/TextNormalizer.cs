using System.Text;

namespace DystoniaBot.Conversation;

/// <summary>Puts user text in the one form the detectors match: lower case, straight apostrophes, single spaces.</summary>
internal static class TextNormalizer
{
    /// <summary>Longest text the detectors read; red flags and greetings come early in a message.</summary>
    public const int MaxLength = 2000;

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        var space = false;
        foreach (var raw in text.AsSpan(0, Math.Min(text.Length, MaxLength)))
        {
            var c = raw switch
            {
                '\u2019' or '\u2018' or '`' or '\u00B4' => '\'',
                _ => char.ToLowerInvariant(raw),
            };
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
