using System.ComponentModel.DataAnnotations;
using System.Globalization;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Features.Staff;
using LibraryOutreach.Web.Infrastructure.Auth;
using LibraryOutreach.Web.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Infrastructure.Cli;

/// <summary>What a verb gets: its command line, the streams, and a way to start the app's services.</summary>
internal sealed record CliContext(
    CliCommand Command,
    TextReader Input,
    TextWriter Output,
    TextWriter Error,
    Action<IServiceCollection>? ConfigureServices)
{
    public CliSession StartSession() => CliSession.Start(Command, Error, ConfigureServices);
}

/// <summary>The verbs. Each returns an exit code (<see cref="CliUsage"/>).</summary>
internal static class CliVerbs
{
    public static async Task<int> MigrateAsync(CliContext context, CancellationToken cancellationToken)
    {
        await using var session = context.StartSession();
        context.Output.WriteLine($"Database: {session.DescribeDatabase()}");
        var applied = await session.Get<DatabaseMigrator>().MigrateAsync(cancellationToken);
        WriteMigrations(context.Output, applied, upToDateMessage: "Database is up to date.");
        return CliUsage.Success;
    }

    public static async Task<int> CreateAdminAsync(CliContext context, CancellationToken cancellationToken)
    {
        var email = context.Command.Required("email");
        var name = context.Command.Required("name");
        var password = await PasswordReader.ReadAsync(context.Input, context.Output, $"Password for {email} (at least 12 characters)", cancellationToken);
        if (password.Password is null)
        {
            context.Error.WriteLine(password.Problem);
            return CliUsage.Failed;
        }

        await using var session = context.StartSession();
        await MigrateIfNeededAsync(session, context.Output, cancellationToken);
        var result = await session.Get<StaffAccountCreator>().CreateAsync(email, name, Roles.Admin, password.Password, cancellationToken);
        if (!result.Succeeded)
        {
            context.Error.WriteLine("The Admin account was not created:");
            foreach (var problem in result.Errors)
            {
                context.Error.WriteLine($"  - {problem}");
            }

            return CliUsage.Failed;
        }

        var url = session.Get<IOptions<LibraryOptions>>().Value.PublicUrl.TrimEnd('/');
        context.Output.WriteLine($"Created the Admin account for {name} <{email}>. Sign in at {url}/account/login");
        return CliUsage.Success;
    }

    public static async Task<int> InviteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var email = context.Command.Required("email");
        var name = context.Command.Required("name");
        var role = context.Command.Required("role");

        await using var session = context.StartSession();
        var inviter = session.Services.GetRequiredService<IStaffInviter>();

        await MigrateIfNeededAsync(session, context.Output, cancellationToken);
        var baseUri = session.Get<IOptions<LibraryOptions>>().Value.PublicUrl;
        string link;
        try
        {
            link = await inviter.InviteAndGetLinkAsync(email, name, role, baseUri, cancellationToken);
        }
        catch (Exception ex) when (ex is StaffLimitReachedException or ValidationException or ArgumentException or AccessDeniedException)
        {
            context.Error.WriteLine($"The invitation was not created: {ex.Message}");
            return CliUsage.Failed;
        }

        var days = session.Get<IOptions<StaffOptions>>().Value.InvitationLifetimeDays;
        context.Output.WriteLine($"Invited {name} <{email}> as {role}.");
        context.Output.WriteLine($"Send them this link (single use, valid for {days} days); anyone who has it can create the account:");
        context.Output.WriteLine(link);
        return CliUsage.Success;
    }

    public static async Task<int> BackupAsync(CliContext context, CancellationToken cancellationToken)
    {
        await using var session = context.StartSession();
        if (session.Provider == DatabaseProvider.Postgres)
        {
            WritePgDumpGuidance(context.Output, session);
            return CliUsage.UsageError;
        }

        var data = session.Data;
        var now = session.Get<TimeProvider>().GetLocalNow();
        var destination = context.Command.Optional("out")
            ?? Path.Combine(data.BackupsPath, $"outreach-{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.db");
        try
        {
            var backup = await SqliteBackup.CreateAsync(data.DatabasePath, destination, context.Command.HasFlag("force"), cancellationToken);
            context.Output.WriteLine($"Backed up {data.DatabasePath}");
            context.Output.WriteLine($"to        {backup.Path} ({FormatSize(backup.SizeBytes)})");
            context.Output.WriteLine($"Integrity check of the copy: {backup.IntegrityCheck}");
            return CliUsage.Success;
        }
        catch (IOException ex)
        {
            context.Error.WriteLine($"No backup was made: {ex.Message}");
            return CliUsage.Failed;
        }
        catch (InvalidDataException ex)
        {
            context.Error.WriteLine($"No backup was made: {ex.Message}");
            return CliUsage.Failed;
        }
    }

    private static async Task MigrateIfNeededAsync(CliSession session, TextWriter output, CancellationToken cancellationToken)
    {
        var applied = await session.Get<DatabaseMigrator>().MigrateAsync(cancellationToken);
        WriteMigrations(output, applied, upToDateMessage: null);
    }

    private static void WriteMigrations(TextWriter output, IReadOnlyList<string> applied, string? upToDateMessage)
    {
        if (applied.Count == 0)
        {
            if (upToDateMessage is not null)
            {
                output.WriteLine(upToDateMessage);
            }

            return;
        }

        output.WriteLine($"Applied {applied.Count} migration(s):");
        foreach (var migration in applied)
        {
            output.WriteLine($"  {migration}");
        }
    }

    private static void WritePgDumpGuidance(TextWriter output, CliSession session)
    {
        var pg = session.PostgresConnection();
        var target = $"--host={pg.Host} --port={pg.Port.ToString(CultureInfo.InvariantCulture)} --username={pg.Username} --dbname={pg.Database}";
        output.WriteLine($"This installation keeps its data in PostgreSQL ({session.DescribeDatabase()}), so the backup verb copies nothing.");
        output.WriteLine("Use PostgreSQL's own tools; pg_dump takes a consistent snapshot while the app keeps running:");
        output.WriteLine();
        output.WriteLine($"  pg_dump --format=custom --no-owner --no-privileges {target} --file=outreach-$(date +%Y%m%d-%H%M%S).dump");
        output.WriteLine();
        output.WriteLine("Give the password in ~/.pgpass or the PGPASSWORD environment variable, never on the command line.");
        output.WriteLine("To restore into an empty database, stop the app first, then:");
        output.WriteLine();
        output.WriteLine($"  pg_restore --clean --if-exists --no-owner --no-privileges {target} outreach-YYYYMMDD-HHMMSS.dump");
        output.WriteLine();
        output.WriteLine("The Data Protection keys (sign-in cookies, encrypted settings) live in the same database, so the dump has everything.");
    }

    internal static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes.ToString(CultureInfo.InvariantCulture)} bytes",
        < 1024 * 1024 => $"{(bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture)} KB",
        _ => $"{(bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture)} MB",
    };
}
