using LibraryOutreach.Web.Infrastructure;
using LibraryOutreach.Web.Infrastructure.Cli;
using LibraryOutreach.Web.Infrastructure.Logging;
using Serilog;

if (CliApp.IsVerb(args))
{
    return await CliApp.RunAsync(args, Console.In, Console.Out, Console.Error);
}

OutreachLogging.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddOutreachServices();

    var app = builder.Build();
    app.UseOutreachPipeline();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "LibraryOutreach stopped because of an error during start-up");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
