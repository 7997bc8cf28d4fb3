using System.CommandLine;
using DystoniaBot.Conversation.Policy;

namespace DystoniaBot.Cli.Commands;

/// <summary><c>dystoniabot chat</c>: a conversation in the terminal, with the bot's policy and follow-ups.</summary>
internal static class ChatCommand
{
    public static Command Create()
    {
        var locale = new Option<string>("--locale") { Description = "Your locale (emergency numbers)", DefaultValueFactory = _ => "en-US" };
        var command = new Command("chat", "Talk with the bot in the terminal (type 'quit' to leave)") { locale, Engine.KnowledgeOption, Engine.IndexOption };
        command.SetAction(parse =>
        {
            using var engine = Engine.Create(parse);
            var state = ConversationState.Empty;
            var lastFollowUps = engine.Policy.Welcome().FollowUps;
            Console.Out.WriteLine(ReadableReply.Format(engine.Policy.Welcome()));
            while (true)
            {
                Console.Out.Write("\n> ");
                var line = Console.In.ReadLine();
                if (line is null || line.Trim() is "quit" or "exit" or "/quit")
                {
                    return ExitCodes.Ok;
                }

                // A number picks one of the suggested questions.
                if (int.TryParse(line.Trim(), out var pick) && pick >= 1 && pick <= lastFollowUps.Count)
                {
                    line = lastFollowUps[pick - 1];
                    Console.Out.WriteLine(line);
                }

                var turn = engine.Policy.Respond(line, parse.GetValue(locale), state);
                state = turn.State;
                if (turn.Action is not null)
                {
                    // Tickets live with the bot's host; a terminal has no chat for the answer to come back to.
                    Console.Out.WriteLine();
                    Console.Out.WriteLine("Questions for our health-line staff are sent from the bot's chat (its web page or Teams): this terminal can't forward them.");
                    lastFollowUps = [];
                    continue;
                }

                lastFollowUps = turn.Reply.FollowUps;
                Console.Out.WriteLine();
                Console.Out.WriteLine(Numbered(ReadableReply.Format(turn.Reply), turn.Reply.FollowUps));
            }
        });
        return command;
    }

    private static string Numbered(string text, IReadOnlyList<string> followUps)
    {
        for (var i = 0; i < followUps.Count; i++)
        {
            text = text.Replace("\n- " + followUps[i], $"\n{i + 1}. {followUps[i]}", StringComparison.Ordinal);
        }

        return followUps.Count > 0 ? text + "\n(type a number to ask one of these)" : text;
    }
}
