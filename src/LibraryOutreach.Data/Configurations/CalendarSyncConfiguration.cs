using LibraryOutreach.Data.Auditing;
using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LibraryOutreach.Data.Configurations;

// Calendar sync. A connection is audited (who connected, disconnected or changed its rule), its credential only as
// "changed" and its run bookkeeping not at all. Calendars, copies of calendar events and runs are machine data, not
// audited. Deleting a connection (disconnect) removes its calendars, copies and runs; an outreach event confirmed from
// a copy is the library's record and stays (SetNull on the copy's side is not needed: the copy goes, the event stays).
public sealed class CalendarConnectionConfiguration : IEntityTypeConfiguration<CalendarConnection>
{
    public void Configure(EntityTypeBuilder<CalendarConnection> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureTracking();
        builder.Property(c => c.OwnerId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Rule).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Name).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.Property(c => c.AccountEmail).HasMaxLength(FieldLimits.Email);
        builder.Property(c => c.ProtectedSecret).HasMaxLength(8000).IsAuditSecret();
        builder.Property(c => c.GrantedScopes).HasMaxLength(1000);
        builder.Property(c => c.Keyword).HasMaxLength(FieldLimits.TagName).IsRequired();
        builder.Property(c => c.LastRunAt).IsAuditIgnored();
        builder.Property(c => c.LastSuccessAt).IsAuditIgnored();
        builder.Property(c => c.LastErrorAt).IsAuditIgnored();
        builder.Property(c => c.LastError).HasMaxLength(1000).IsAuditIgnored();
        builder.Property(c => c.NextRunAt).IsAuditIgnored();
        builder.Property(c => c.LeaseOwner).HasMaxLength(200).IsAuditIgnored();
        builder.Property(c => c.LeaseExpiresAt).IsAuditIgnored();
        builder.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Calendars).WithOne(k => k.Connection).HasForeignKey(k => k.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.OwnerId);
        builder.HasIndex(c => c.NextRunAt);
    }
}

public sealed class ConnectedCalendarConfiguration : IEntityTypeConfiguration<ConnectedCalendar>
{
    public void Configure(EntityTypeBuilder<ConnectedCalendar> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.IsNotAudited();
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ExternalId).HasMaxLength(1024).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.Property(c => c.TimeZone).HasMaxLength(100);
        builder.Property(c => c.SyncToken).HasMaxLength(2000);
        builder.HasIndex(c => new { c.ConnectionId, c.ExternalId }).IsUnique();
    }
}

public sealed class CalendarEventCopyConfiguration : IEntityTypeConfiguration<CalendarEventCopy>
{
    public void Configure(EntityTypeBuilder<CalendarEventCopy> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.IsNotAudited();
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ExternalId).HasMaxLength(1024).IsRequired();
        builder.Property(c => c.SeriesId).HasMaxLength(1024);
        builder.Property(c => c.Fingerprint).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Title).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(FieldLimits.Notes);
        builder.Property(c => c.Location).HasMaxLength(FieldLimits.Address);
        builder.Property(c => c.Link).HasMaxLength(2000);
        builder.Property(c => c.AttendeesJson).IsRequired();
        // The review state is the copy's concurrency token: two people confirming at once make one outreach event.
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(32).IsConcurrencyToken();
        builder.Property(c => c.ConfirmedFingerprint).HasMaxLength(64);
        builder.Property(c => c.ReviewedById).HasMaxLength(450);
        builder.HasOne(c => c.Calendar).WithMany().HasForeignKey(c => c.CalendarId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.OutreachEvent).WithMany().HasForeignKey(c => c.OutreachEventId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.CalendarId, c.ExternalId }).IsUnique();
        builder.HasIndex(c => new { c.CalendarId, c.SeriesId });
        builder.HasIndex(c => new { c.State, c.StartDate });
        builder.HasIndex(c => c.OutreachEventId);
    }
}

public sealed class CalendarSyncRunConfiguration : IEntityTypeConfiguration<CalendarSyncRun>
{
    public void Configure(EntityTypeBuilder<CalendarSyncRun> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.IsNotAudited();
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Trigger).HasMaxLength(32).IsRequired();
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.HasOne(r => r.Connection).WithMany().HasForeignKey(r => r.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ConnectionId, r.StartedAt });
    }
}
