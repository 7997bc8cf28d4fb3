using System.CommandLine;
using DystoniaBot.Cli.Staff;

namespace DystoniaBot.Cli.Commands;

/// <summary><c>dystoniabot staff</c>: health-line staff accounts and API keys in the file the web host reads.</summary>
internal static class StaffCommand
{
    private const int MinimumPasswordLength = 10;

    /// <summary>Days a new API key works by default.</summary>
    public const int DefaultKeyDays = 90;

    /// <summary>The longest a key can be made to work: a leaked key must die on its own within a year.</summary>
    public const int MaxKeyDays = 365;

    public static Command Create()
    {
        var file = new Option<string>("--file")
        {
            Description = "The staff file the bot reads (its Staff:File setting)",
            DefaultValueFactory = _ => StaffAccountFile.DefaultPath,
        };
        var command = new Command("staff", "Manage health-line staff accounts and API keys for the bot's /staff console and /api/staff")
        {
            AddAccount(file),
            new Command("key", "Manage API keys") { AddKey(file), ListKeys(file) },
        };
        return command;
    }

    private static Option<string> RoleOption() => new Option<string>("--role")
    {
        Description = "staff (answer, search) or admin (also curated answers and the audit log)",
        DefaultValueFactory = _ => "staff",
    }.AcceptOnlyFromAmong("staff", "admin");

    private static Argument<string> NameArgument() => new("name") { Description = "Letters, digits and . _ @ - (at most 64)" };

    private static Command AddAccount(Option<string> file)
    {
        var name = NameArgument();
        var role = RoleOption();
        var command = new Command("add", "Create or update a console account; the password is read from standard input") { name, role, file };
        command.SetAction(parse =>
        {
            var accountName = parse.GetValue(name)!;
            if (!IsValidName("staff add", accountName))
            {
                return ExitCodes.Usage;
            }

            var password = PasswordPrompt.ReadNew(accountName, MinimumPasswordLength);
            if (password is null)
            {
                return ExitCodes.Failure;
            }

            var staff = StaffAccountFile.Open(parse.GetValue(file)!);
            var created = staff.SetAccount(accountName, parse.GetValue(role)!, password);
            staff.Save();
            Console.Out.WriteLine($"{(created ? "Created" : "Updated")} {parse.GetValue(role)} account '{accountName}' in {staff.Path}; sign in at /staff/login.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command AddKey(Option<string> file)
    {
        var name = NameArgument();
        var role = RoleOption();
        var days = new Option<int>("--days")
        {
            Description = $"Days the key works, 1 to {MaxKeyDays}; then it is refused and a new one is needed",
            DefaultValueFactory = _ => DefaultKeyDays,
        };
        var command = new Command("add", "Create (or replace) an API key for /api/staff; it is shown once, only its SHA-256 hash is kept") { name, role, days, file };
        command.SetAction(parse =>
        {
            var keyName = parse.GetValue(name)!;
            if (!IsValidName("staff key add", keyName))
            {
                return ExitCodes.Usage;
            }

            var lifetime = parse.GetValue(days);
            if (lifetime is < 1 or > MaxKeyDays)
            {
                Console.Error.WriteLine($"staff key add: --days must be from 1 to {MaxKeyDays}");
                return ExitCodes.Usage;
            }

            var staff = StaffAccountFile.Open(parse.GetValue(file)!);
            var expiresAt = DateTimeOffset.UtcNow.AddDays(lifetime);
            var key = staff.SetApiKey(keyName, parse.GetValue(role)!, expiresAt);
            staff.Save();
            Console.Error.WriteLine($"API key '{keyName}' ({parse.GetValue(role)}) saved in {staff.Path}, working until {Day(expiresAt)}. Copy it now: it is not shown again.");
            Console.Out.WriteLine(key);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ListKeys(Option<string> file)
    {
        var command = new Command("list", "List the API keys: name, role and when each expires") { file };
        command.SetAction(parse =>
        {
            var staff = StaffAccountFile.Open(parse.GetValue(file)!);
            var keys = staff.ApiKeys();
            if (keys.Count == 0)
            {
                Console.Out.WriteLine($"No API keys in {staff.Path}.");
                return ExitCodes.Ok;
            }

            var now = DateTimeOffset.UtcNow;
            foreach (var (name, role, expiresAt) in keys)
            {
                var expiry = expiresAt switch
                {
                    null => "never expires (made before keys expired; replace it with 'staff key add " + name + "')",
                    { } at when at <= now => $"EXPIRED {Day(at)}",
                    { } at => $"expires {Day(at)} (in {(int)Math.Ceiling((at - now).TotalDays)} days)",
                };
                Console.Out.WriteLine($"{name}\t{role}\t{expiry}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsValidName(string command, string name)
    {
        if (StaffAccountFile.IsValidName(name))
        {
            return true;
        }

        Console.Error.WriteLine($"{command}: a name has 1 to 64 letters, digits or . _ @ -");
        return false;
    }
}
