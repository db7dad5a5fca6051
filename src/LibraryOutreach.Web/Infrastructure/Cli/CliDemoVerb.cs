using System.Globalization;
using LibraryOutreach.Web.Infrastructure.Data;
using LibraryOutreach.Web.Infrastructure.Demo;

namespace LibraryOutreach.Web.Infrastructure.Cli;

/// <summary><c>seed-demo [--size small|large] [--force]</c>: an invented town's records (see <see cref="DemoDataService"/>).</summary>
internal static class CliDemoVerb
{
    public static async Task<int> SeedDemoAsync(CliContext context, CancellationToken cancellationToken)
    {
        var large = string.Equals(context.Command.Optional("size"), "large", StringComparison.OrdinalIgnoreCase);
        await using var session = context.StartSession();
        await session.Get<DatabaseMigrator>().MigrateAsync(cancellationToken);
        context.Output.WriteLine(large
            ? "Seeding a large demo town (50,000 contacts, 1,000,000 interactions): this takes several minutes…"
            : "Seeding a small demo town…");
        var result = await session.Get<DemoDataService>().SeedAsync(large ? DemoDataSize.Large : DemoDataSize.Small, context.Command.HasFlag("force"), cancellationToken);
        if (result.Refused)
        {
            context.Error.WriteLine($"Nothing was added. {result.Refusal}");
            return CliUsage.Failed;
        }

        context.Output.WriteLine(string.Create(CultureInfo.CurrentCulture,
            $"Added {result.Organizations:N0} organizations, {result.Contacts:N0} contacts, {result.Events:N0} events, {result.Interactions:N0} interactions, {result.FollowUps:N0} follow-ups and {result.CommitteeSeats:N0} committee seats in {result.Elapsed.TotalSeconds:N1} s."));
        context.Output.WriteLine(result.StaffAccounts > 0
            ? string.Create(CultureInfo.CurrentCulture, $"{result.StaffAccounts} demo staff accounts (…@demo.library.example) own some of the records; they have no password. Deactivate them on the Staff page when you no longer need them.")
            : "No demo staff accounts were added (the account limit is reached): the existing staff own the records.");
        return CliUsage.Success;
    }
}
