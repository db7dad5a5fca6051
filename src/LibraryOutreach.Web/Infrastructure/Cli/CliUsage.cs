using System.Text;

namespace LibraryOutreach.Web.Infrastructure.Cli;

/// <summary>The text shown by <c>--help</c> and after a usage error.</summary>
internal static class CliUsage
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    public static string Text { get; } = Build();

    private static string Build()
    {
        var text = new StringBuilder();
        text.AppendLine("LibraryOutreach command-line verbs");
        text.AppendLine();
        text.AppendLine("Usage:");
        text.AppendLine("  dotnet run --project src/LibraryOutreach.Web -- <verb> [options] [--Section:Key=Value ...]");
        text.AppendLine("  LibraryOutreach.Web <verb> [options] [--Section:Key=Value ...]      (a published build)");
        text.AppendLine();
        text.AppendLine("Verbs:");
        foreach (var verb in CliVerb.All)
        {
            text.Append("  ").AppendLine(verb.Synopsis);
            foreach (var line in Wrap(verb.Description, 72))
            {
                text.Append("      ").AppendLine(line);
            }
        }

        text.AppendLine();
        text.AppendLine("Settings:");
        text.AppendLine("  Verbs read the same settings as the app: appsettings.json, appsettings.<environment>.json and");
        text.AppendLine("  environment variables (Data__Directory, Database__Provider, ConnectionStrings__Postgres, ...).");
        text.AppendLine("  After the options, --Section:Key=Value or --Section:Key Value overrides a setting, for example");
        text.AppendLine("  --Data:Directory=/var/lib/outreach. --environment NAME picks appsettings.NAME.json.");
        text.AppendLine("  Relative paths (such as the default data directory \"data\") are relative to the working directory.");
        text.AppendLine();
        text.AppendLine("Exit codes:");
        text.AppendLine("  0  success");
        text.AppendLine("  1  the verb ran and failed (a refused password, the account limit, an unreadable database, ...);");
        text.AppendLine("     for import: some rows had errors (the good rows were imported unless --dry-run);");
        text.AppendLine("     for sync: a connection failed (the others were still synced)");
        text.AppendLine("  2  usage error: unknown verb or option, missing value, a --password argument;");
        text.AppendLine("     or backup on PostgreSQL (nothing copied: use pg_dump as explained)");
        text.AppendLine();
        text.AppendLine("Examples:");
        text.AppendLine("  dotnet run --project src/LibraryOutreach.Web -- migrate");
        text.AppendLine("  dotnet run --project src/LibraryOutreach.Web -- create-admin --email ana@library.example --name \"Ana Ruiz\"");
        text.AppendLine("  printf '%s\\n' \"$ADMIN_PASSWORD\" | dotnet run --project src/LibraryOutreach.Web -- create-admin --email ana@library.example --name \"Ana Ruiz\"");
        text.AppendLine("  dotnet run --project src/LibraryOutreach.Web -- invite --email li@library.example --name \"Li Wei\" --role Staff");
        text.AppendLine("  dotnet run --project src/LibraryOutreach.Web -- backup --out /srv/backups/outreach.db --force");
        text.AppendLine("  Data__Directory=/var/lib/outreach ./LibraryOutreach.Web backup");
        text.AppendLine("  dotnet run --project src/LibraryOutreach.Web -- import --file contacts.csv --kind contacts --dry-run");
        text.AppendLine("  dotnet run --project src/LibraryOutreach.Web -- export --out /srv/backups/outreach.json");
        text.AppendLine("  dotnet run --project src/LibraryOutreach.Web -- sync");
        text.AppendLine();
        text.AppendLine("Restoring a SQLite backup: stop the app, copy the backup over outreach.db in the data directory,");
        text.AppendLine("delete outreach.db-wal and outreach.db-shm if present, and start the app again.");
        return text.ToString();
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
