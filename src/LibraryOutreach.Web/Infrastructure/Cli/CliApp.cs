using Microsoft.Extensions.Options;

namespace LibraryOutreach.Web.Infrastructure.Cli;

/// <summary>
/// Command-line verbs on the same executable: <c>dotnet run --project src/LibraryOutreach.Web -- &lt;verb&gt;</c>.
/// See <see cref="CliUsage"/> for the verbs, options and exit codes.
/// </summary>
public static class CliApp
{
    /// <summary>
    /// True when the arguments name a verb or ask for help. No arguments, or arguments that are settings for the
    /// web host (<c>--urls http://...</c>, <c>Key=Value</c>), start the web app.
    /// </summary>
    public static bool IsVerb(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0)
        {
            return false;
        }

        if (args.Any(CliParser.IsHelpSwitch))
        {
            return true;
        }

        var first = args[0];
        return !first.StartsWith('-') && !first.Contains('=', StringComparison.Ordinal);
    }

    public static Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error) =>
        RunAsync(args, input, output, error, configureServices: null, CancellationToken.None);

    /// <summary>Runs a verb. <paramref name="configureServices"/> lets tests add services (e.g. an <see cref="IStaffInviter"/>).</summary>
    internal static async Task<int> RunAsync(
        string[] args,
        TextReader input,
        TextWriter output,
        TextWriter error,
        Action<IServiceCollection>? configureServices,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var parsed = CliParser.Parse(args);
        if (parsed.IsHelp)
        {
            output.Write(CliUsage.Text);
            return CliUsage.Success;
        }

        if (parsed.Command is not { } command)
        {
            error.WriteLine($"Error: {parsed.Error}");
            error.WriteLine();
            error.Write(CliUsage.Text);
            return CliUsage.UsageError;
        }

        var context = new CliContext(command, input, output, error, configureServices);
        try
        {
            return command.Verb.Name switch
            {
                CliVerb.Migrate => await CliVerbs.MigrateAsync(context, cancellationToken),
                CliVerb.CreateAdmin => await CliVerbs.CreateAdminAsync(context, cancellationToken),
                CliVerb.Invite => await CliVerbs.InviteAsync(context, cancellationToken),
                CliVerb.Backup => await CliVerbs.BackupAsync(context, cancellationToken),
                CliVerb.Import => await CliImportVerbs.ImportAsync(context, cancellationToken),
                CliVerb.Export => await CliImportVerbs.ExportAsync(context, cancellationToken),
                CliVerb.Sync => await CliSyncVerb.SyncAsync(context, cancellationToken),
                CliVerb.SeedDemo => await CliDemoVerb.SeedDemoAsync(context, cancellationToken),
                _ => throw new InvalidOperationException($"Verb '{command.Verb.Name}' has no handler."),
            };
        }
        catch (OptionsValidationException ex)
        {
            error.WriteLine($"The settings are not valid: {string.Join(" ", ex.Failures)}");
            return CliUsage.Failed;
        }
#pragma warning disable CA1031 // A verb reports any failure as a message and exit code 1 instead of a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error.WriteLine($"{command.Verb.Name} failed: {Describe(ex)}");
            return CliUsage.Failed;
        }
    }

    private static string Describe(Exception ex)
    {
        var messages = new List<string>();
        for (var current = ex; current is not null; current = current.InnerException)
        {
            if (!messages.Contains(current.Message))
            {
                messages.Add(current.Message);
            }
        }

        return string.Join(" ", messages);
    }
}
