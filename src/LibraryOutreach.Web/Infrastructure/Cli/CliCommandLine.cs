using LibraryOutreach.Data.Entities;

namespace LibraryOutreach.Web.Infrastructure.Cli;

/// <summary>A verb and the options it accepts.</summary>
internal sealed record CliVerb(
    string Name,
    string Synopsis,
    string Description,
    IReadOnlyList<string> ValueOptions,
    IReadOnlyList<string> RequiredOptions,
    IReadOnlyList<string> Flags,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Choices)
{
    public const string Migrate = "migrate";
    public const string CreateAdmin = "create-admin";
    public const string Invite = "invite";
    public const string Backup = "backup";
    public const string Import = "import";
    public const string Export = "export";
    public const string Sync = "sync";
    public const string SeedDemo = "seed-demo";
    public const string Help = "help";

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoChoices = new Dictionary<string, IReadOnlyList<string>>();

    public static IReadOnlyList<CliVerb> All { get; } =
    [
        new(Migrate, "migrate", "Apply pending database migrations (the app also does this at start-up unless Database:MigrateOnStartup is false).", [], [], [], NoChoices),
        new(
            CreateAdmin,
            "create-admin --email E --name N",
            "Create an Admin account. The password is read from standard input (its first line) or asked for at a prompt, never from an argument. Applies pending migrations first.",
            ["email", "name"],
            ["email", "name"],
            [],
            NoChoices),
        new(
            Invite,
            "invite --email E --name N --role R",
            "Invite a staff member (R: Admin, Supervisor or Staff) and print the invitation link for you to pass on. The link is shown only here, never logged.",
            ["email", "name", "role"],
            ["email", "name", "role"],
            [],
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["role"] = Roles.All }),
        new(
            Backup,
            "backup [--out FILE] [--force]",
            "Copy the SQLite database while the app keeps running, then check the copy with PRAGMA integrity_check. FILE defaults to <data directory>/backups/outreach-<yyyyMMdd-HHmmss>.db; an existing FILE is only replaced with --force. On PostgreSQL it explains how to use pg_dump instead (exit code 2).",
            ["out"],
            [],
            ["force"],
            NoChoices),
        new(
            Import,
            "import --file F --kind contacts|organizations [--dry-run]",
            "Import contacts (CSV from Google Contacts, Outlook or Bitrix24, or vCard 3/4) or organizations (CSV with Name, Type, Website, Email, Phone, Address, Notes, Email domains) as one undoable batch. Rows that duplicate an existing record are skipped (merge them on the import page instead). Rows with errors are listed with their row numbers and skipped; the good rows are still imported and the exit code is 1. --dry-run prints the same summary and writes nothing.",
            ["file", "kind"],
            ["file", "kind"],
            ["dry-run"],
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["kind"] = ["contacts", "organizations"] }),
        new(
            Export,
            "export --out FILE [--force]",
            "Write all data (organizations, types, tags, contacts, affiliations, committee seats, staff names, emails and roles, import batches) to FILE as one JSON document; see docs/export-format.md. No passwords, tokens or keys. An existing FILE is only replaced with --force.",
            ["out"],
            ["out"],
            ["force"],
            NoChoices),
        new(
            Sync,
            "sync [--connection ID]",
            "Run one calendar sync pass now: every due connection, or only connection ID (a connection's id is on its card in My calendars). Prints one line per connection (added, changed, removed, left out, or the error in plain words). Exit code 1 when a connection failed.",
            ["connection"],
            [],
            [],
            NoChoices),
        new(
            SeedDemo,
            "seed-demo [--size small|large] [--force]",
            "Fill the database with an invented town for trying the app and training: organizations of every type, people with affiliations, three years of events and interactions (some relationships two-way, some one-sided, some neglected), follow-ups, committee seats, and demo staff accounts without passwords (as many as the account limit leaves room for). small (default): 400 contacts, 60 organizations, 4,000 interactions, seconds; large: 50,000 contacts, 5,000 organizations, 100,000 events, 1,000,000 interactions, several minutes. Needs an Admin account first. Refuses a database that already holds contacts, organizations, events or interactions unless --force. All or nothing: one transaction. Applies pending migrations first.",
            ["size"],
            [],
            ["force"],
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["size"] = ["small", "large"] }),
        new(Help, "help", "Show this text (also --help or -h).", [], [], [], NoChoices),
    ];

    public static CliVerb? Find(string name) => All.FirstOrDefault(v => v.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A parsed command line: the verb, its options and flags, and setting overrides for the host.</summary>
internal sealed record CliCommand(
    CliVerb Verb,
    IReadOnlyDictionary<string, string> Options,
    IReadOnlySet<string> Flags,
    IReadOnlyDictionary<string, string?> Settings,
    string? Environment)
{
    public string Required(string option) => Options[option];

    public string? Optional(string option) => Options.TryGetValue(option, out var value) ? value : null;

    public bool HasFlag(string flag) => Flags.Contains(flag);
}

/// <summary>The outcome of parsing: a command, a request for help, or an error to show with the usage.</summary>
internal sealed record CliParseResult(CliCommand? Command, bool IsHelp, string? Error)
{
    public static CliParseResult Help { get; } = new(null, true, null);

    public static CliParseResult Fail(string error) => new(null, false, error);
}

/// <summary>
/// Parses <c>verb [--option value | --option=value | --flag]... [--Section:Key=Value | --Section:Key Value]...</c>.
/// Anything that is neither an option of the verb nor a setting (a key with ':' or '__') is an error, so typos
/// are caught instead of silently becoming settings.
/// </summary>
internal static class CliParser
{
    public const string PasswordRefusal =
        "Passwords are never accepted as command-line arguments (they would end up in shell history and process lists). " +
        "Pipe the password in as the first line of standard input, or run the verb in a terminal to be asked for it.";

    private static readonly string[] HelpSwitches = ["--help", "-h", "-?"];

    public static bool IsHelpSwitch(string arg) => HelpSwitches.Contains(arg, StringComparer.OrdinalIgnoreCase);

    public static CliParseResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0)
        {
            return CliParseResult.Fail("No verb given.");
        }

        if (args.Any(IsHelpSwitch) || args[0].Equals(CliVerb.Help, StringComparison.OrdinalIgnoreCase))
        {
            return CliParseResult.Help;
        }

        var verb = CliVerb.Find(args[0]);
        if (verb is null)
        {
            return CliParseResult.Fail($"Unknown verb '{args[0]}'.");
        }

        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        string? environment = null;

        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                return CliParseResult.Fail($"Unexpected argument '{arg}'.");
            }

            var body = arg[2..];
            var equals = body.IndexOf('=', StringComparison.Ordinal);
            var name = equals >= 0 ? body[..equals] : body;
            var inline = equals >= 0 ? body[(equals + 1)..] : null;

            if (IsPasswordOption(name))
            {
                return CliParseResult.Fail(PasswordRefusal);
            }

            if (verb.ValueOptions.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                var value = inline ?? NextValue(args, ref i);
                if (string.IsNullOrWhiteSpace(value))
                {
                    return CliParseResult.Fail($"--{name} needs a value.");
                }

                var key = verb.ValueOptions.First(o => o.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (verb.Choices.TryGetValue(key, out var choices))
                {
                    var choice = choices.FirstOrDefault(c => c.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
                    if (choice is null)
                    {
                        return CliParseResult.Fail($"--{key} must be one of: {string.Join(", ", choices)}.");
                    }

                    value = choice;
                }

                options[key] = value.Trim();
            }
            else if (verb.Flags.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                if (inline is not null)
                {
                    return CliParseResult.Fail($"--{name} takes no value.");
                }

                flags.Add(name);
            }
            else if (IsSettingName(name))
            {
                var value = inline ?? NextValue(args, ref i);
                if (value is null)
                {
                    return CliParseResult.Fail($"The setting --{name} needs a value (--{name}=VALUE).");
                }

                if (name.Equals("environment", StringComparison.OrdinalIgnoreCase))
                {
                    environment = value;
                }
                else
                {
                    settings[name.Replace("__", ":", StringComparison.Ordinal)] = value;
                }
            }
            else
            {
                return CliParseResult.Fail($"Unknown option --{name} for '{verb.Name}'.");
            }
        }

        var missing = verb.RequiredOptions.Where(o => !options.ContainsKey(o)).ToList();
        if (missing.Count > 0)
        {
            return CliParseResult.Fail($"'{verb.Name}' needs {string.Join(" and ", missing.Select(m => "--" + m))}.");
        }

        return new CliParseResult(new CliCommand(verb, options, flags, settings, environment), false, null);
    }

    private static string? NextValue(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            i++;
            return args[i];
        }

        return null;
    }

    private static bool IsPasswordOption(string name) =>
        name.StartsWith("password", StringComparison.OrdinalIgnoreCase)
        || name.Equals("pwd", StringComparison.OrdinalIgnoreCase)
        || name.Equals("pass", StringComparison.OrdinalIgnoreCase);

    /// <summary>Configuration keys have a section ("Data:Directory", "Data__Directory"); "environment" picks appsettings.NAME.json.</summary>
    private static bool IsSettingName(string name) =>
        (name.Contains(':', StringComparison.Ordinal) || name.Contains("__", StringComparison.Ordinal)) && !name.StartsWith(':')
        || name.Equals("environment", StringComparison.OrdinalIgnoreCase);
}
