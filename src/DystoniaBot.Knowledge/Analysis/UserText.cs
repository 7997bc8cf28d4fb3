using System.Text;

namespace DystoniaBot.Knowledge.Analysis;

/// <summary>User text in one canonical form, for everything that compares texts people type.</summary>
public static class UserText
{
    /// <summary>
    /// <paramref name="text"/> in lower case, with straight apostrophes and single spaces (control characters count
    /// as spaces), trimmed, and cut to its first <paramref name="maxLength"/> characters.
    /// </summary>
    public static string Canonical(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = Math.Min(text.Length, maxLength);
        var builder = new StringBuilder(length);
        var space = false;
        foreach (var raw in text.AsSpan(0, length))
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
