using LibraryOutreach.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LibraryOutreach.Data;

/// <summary>
/// The one DbContext of the app, on SQLite (default) or PostgreSQL. Migrations live in one assembly
/// per provider (LibraryOutreach.Data.Sqlite, LibraryOutreach.Data.Postgres).
/// </summary>
public class OutreachDbContext(DbContextOptions<OutreachDbContext> options)
    : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    public const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    public DbSet<OrganizationType> OrganizationTypes => Set<OrganizationType>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<OrganizationCoOwner> OrganizationCoOwners => Set<OrganizationCoOwner>();

    public DbSet<OrganizationTag> OrganizationTags => Set<OrganizationTag>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<ContactEmail> ContactEmails => Set<ContactEmail>();

    public DbSet<ContactPhone> ContactPhones => Set<ContactPhone>();

    public DbSet<ContactTag> ContactTags => Set<ContactTag>();

    public DbSet<Affiliation> Affiliations => Set<Affiliation>();

    public DbSet<CommitteeSeat> CommitteeSeats => Set<CommitteeSeat>();

    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();

    public DbSet<ImportBatchItem> ImportBatchItems => Set<ImportBatchItem>();

    public DbSet<Branch> Branches => Set<Branch>();

    public DbSet<EventType> EventTypes => Set<EventType>();

    public DbSet<OutreachEvent> OutreachEvents => Set<OutreachEvent>();

    public DbSet<OutreachEventStaff> OutreachEventStaff => Set<OutreachEventStaff>();

    public DbSet<OutreachEventOrganization> OutreachEventOrganizations => Set<OutreachEventOrganization>();

    public DbSet<OutreachEventContact> OutreachEventContacts => Set<OutreachEventContact>();

    public DbSet<OutreachEventTag> OutreachEventTags => Set<OutreachEventTag>();

    public DbSet<Interaction> Interactions => Set<Interaction>();

    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    public DbSet<SearchDocument> SearchDocuments => Set<SearchDocument>();

    public DbSet<UserPreference> UserPreferences => Set<UserPreference>();

    public DbSet<CalendarConnection> CalendarConnections => Set<CalendarConnection>();

    public DbSet<ConnectedCalendar> ConnectedCalendars => Set<ConnectedCalendar>();

    public DbSet<CalendarEventCopy> CalendarEventCopies => Set<CalendarEventCopy>();

    public DbSet<CalendarSyncRun> CalendarSyncRuns => Set<CalendarSyncRun>();

    public DbSet<CadenceRule> CadenceRules => Set<CadenceRule>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<ReminderDigest> ReminderDigests => Set<ReminderDigest>();

    /// <summary>Precomputed two-way health, one row per contact and organization (derived; see <see cref="RelationshipHealthRow"/>).</summary>
    public DbSet<RelationshipHealthRow> RelationshipHealth => Set<RelationshipHealthRow>();

    /// <summary>
    /// When set, the audit interceptor records changes to entities of these types only, in this context's saves: for
    /// bulk work that keeps its own complete and undoable record of what it did. An import audits its
    /// <see cref="ImportBatch"/> (file, counts, who, when) and any tag it creates; the batch's items list every record
    /// it added or merged, with a merged record's earlier state (see docs/adr/0007-an-import-is-audited-as-one-entry.md).
    /// </summary>
    public IReadOnlySet<Type>? AuditOnly { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OutreachDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);
        if (Database.ProviderName == SqliteProviderName)
        {
            // SQLite cannot compare or order DateTimeOffset text; store UTC ticks so queries stay in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
