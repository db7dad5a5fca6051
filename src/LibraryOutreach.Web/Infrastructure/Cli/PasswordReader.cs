using System.Text;

namespace LibraryOutreach.Web.Infrastructure.Cli;

/// <summary>A password read for a verb, or why there is none.</summary>
internal sealed record PasswordInput(string? Password, string? Problem);

/// <summary>
/// Reads a password from standard input (its first line, when input is redirected) or from an interactive prompt
/// that does not echo and asks twice. Never from an argument.
/// </summary>
internal static class PasswordReader
{
    public static async Task<PasswordInput> ReadAsync(TextReader input, TextWriter output, string prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (ReferenceEquals(input, Console.In) && !Console.IsInputRedirected)
        {
            return ReadFromPrompt(output, prompt);
        }

        var line = await input.ReadLineAsync(cancellationToken);
        return string.IsNullOrEmpty(line)
            ? new PasswordInput(null, "No password on standard input. Pipe it in as the first line, for example printf '%s\\n' \"$PASSWORD\" | ..., or run the verb in a terminal to be asked for it.")
            : new PasswordInput(line, null);
    }

    private static PasswordInput ReadFromPrompt(TextWriter output, string prompt)
    {
        output.Write($"{prompt}: ");
        output.Flush();
        var first = ReadHidden();
        output.WriteLine();
        if (first.Length == 0)
        {
            return new PasswordInput(null, "No password entered.");
        }

        output.Write("Type it again to confirm: ");
        output.Flush();
        var second = ReadHidden();
        output.WriteLine();
        return first == second ? new PasswordInput(first, null) : new PasswordInput(null, "The two passwords do not match.");
    }

    private static string ReadHidden()
    {
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
