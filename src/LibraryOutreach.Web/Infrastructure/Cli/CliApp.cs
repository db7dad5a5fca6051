namespace LibraryOutreach.Web.Infrastructure.Cli;

/// <summary>Command-line verbs on the same executable: <c>dotnet run --project src/LibraryOutreach.Web -- &lt;verb&gt;</c>.</summary>
public static class CliApp
{
    public static bool IsVerb(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) || args.Contains("--help") || args.Contains("-h");
    }

    public static Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine("Verbs are not implemented yet.");
        return Task.FromResult(2);
    }
}
