using System.Text;

namespace DystoniaBot.Cli.Staff;

/// <summary>Reads a new password and its confirmation: without echo from a terminal, as two lines from redirected input.</summary>
internal static class PasswordPrompt
{
    /// <summary>The password, or null (with the reason on standard error) when it is missing or not confirmed.</summary>
    public static string? ReadNew(string name, int minimumLength)
    {
        string? password;
        string? confirmation;
        if (Console.IsInputRedirected)
        {
            password = Console.In.ReadLine();
            confirmation = Console.In.ReadLine();
        }
        else
        {
            password = ReadHidden($"Password for {name}: ");
            confirmation = ReadHidden("Same password again: ");
        }

        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("staff add: no password given (type it, or pipe it in twice: once and again to confirm)");
            return null;
        }

        if (password.Length < minimumLength)
        {
            Console.Error.WriteLine($"staff add: the password must have at least {minimumLength} characters");
            return null;
        }

        if (!string.Equals(password, confirmation, StringComparison.Ordinal))
        {
            Console.Error.WriteLine("staff add: the two passwords differ; nothing was saved");
            return null;
        }

        return password;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }
}
