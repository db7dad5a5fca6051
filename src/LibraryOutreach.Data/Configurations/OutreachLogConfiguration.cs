using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LibraryOutreach.Data.Configurations;

// Delete behaviour of the outreach log. The log is history: the state survey report and every relationship's
// timeline are computed from it, so nothing deletes a piece of it as a side effect.
// - Contacts, organizations and staff are archived (or deactivated), not deleted, in daily use. An Admin's permanent
//   delete of a contact or organization that appears in the log is Restricted by the database; the feature services
//   refuse it first with a message that says to archive instead.
// - Deleting an event deletes only its own link rows (staff present, organizations, contacts met); interactions at
//   it and follow-ups about it stay, unlinked (SetNull): the touch and the task happened or remain, whatever became of
//   the event record.
// - Follow-ups about a deleted contact or organization stay with their assignee (SetNull): an open task is not
//   history to protect, but it is someone's work and must not vanish silently.
// - Event types and branches are Restricted: archive them instead, as with organization types.
public sealed class BranchConfiguration : IEntityTypeConfiguration<Branch>
{
    public void Configure(EntityTypeBuilder<Branch> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureChoiceList();
    }
}

public sealed class EventTypeConfiguration : IEntityTypeConfiguration<EventType>
{
    public static readonly (Guid Id, string Name)[] Defaults =
    [
        (new Guid("0193a001-0000-7000-8000-000000000001"), "Town or council meeting"),
        (new Guid("0193a001-0000-7000-8000-000000000002"), "Committee meeting"),
        (new Guid("0193a001-0000-7000-8000-000000000003"), "Community fair or festival"),
        (new Guid("0193a001-0000-7000-8000-000000000004"), "Farmers-market table"),
        (new Guid("0193a001-0000-7000-8000-000000000005"), "School visit"),
        (new Guid("0193a001-0000-7000-8000-000000000006"), "Pop-up library"),
        (new Guid("0193a001-0000-7000-8000-000000000007"), "Presentation"),
        (new Guid("0193a001-0000-7000-8000-000000000008"), "Partner program"),
        (new Guid("0193a001-0000-7000-8000-000000000009"), "Other"),
    ];

    public void Configure(EntityTypeBuilder<EventType> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureChoiceList(Defaults, new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
    }
}

public sealed class OutreachEventConfiguration : IEntityTypeConfiguration<OutreachEvent>
{
    public void Configure(EntityTypeBuilder<OutreachEvent> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureTracking();
        builder.Ignore(e => e.IsAllDay);
        builder.Property(e => e.Title).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.Property(e => e.Location).HasMaxLength(FieldLimits.Address);
        builder.Property(e => e.LibraryRole).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.AudienceAgeGroup).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Setting).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Notes).HasMaxLength(FieldLimits.Notes);
        builder.Property(e => e.Outcomes).HasMaxLength(FieldLimits.Notes);
        builder.HasOne(e => e.Type).WithMany().HasForeignKey(e => e.TypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Branch).WithMany().HasForeignKey(e => e.BranchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Staff).WithOne().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Organizations).WithOne().HasForeignKey(o => o.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Contacts).WithOne().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Tags).WithOne().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.StartDate, e.StartsAt });
        builder.HasIndex(e => e.TypeId);
        builder.HasIndex(e => e.BranchId);

        // Quoted identifiers read the same on SQLite and PostgreSQL. Dates are ISO text on SQLite, so they compare.
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_OutreachEvents_EndDate", "\"EndDate\" >= \"StartDate\"");
            t.HasCheckConstraint("CK_OutreachEvents_EndsAtNeedsStartsAt", "\"EndsAt\" IS NULL OR \"StartsAt\" IS NOT NULL");
            t.HasCheckConstraint("CK_OutreachEvents_Counts",
                "(\"Attendance\" IS NULL OR \"Attendance\" >= 0) AND (\"LibraryCardsIssued\" IS NULL OR \"LibraryCardsIssued\" >= 0)"
                + " AND (\"ItemsCheckedOut\" IS NULL OR \"ItemsCheckedOut\" >= 0) AND (\"MaterialsHandedOut\" IS NULL OR \"MaterialsHandedOut\" >= 0)");
        });
    }
}

public sealed class OutreachEventStaffConfiguration : IEntityTypeConfiguration<OutreachEventStaff>
{
    public void Configure(EntityTypeBuilder<OutreachEventStaff> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(s => new { s.EventId, s.UserId });
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.UserId);
    }
}

public sealed class OutreachEventOrganizationConfiguration : IEntityTypeConfiguration<OutreachEventOrganization>
{
    public void Configure(EntityTypeBuilder<OutreachEventOrganization> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(o => new { o.EventId, o.OrganizationId });
        builder.HasOne(o => o.Organization).WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.OrganizationId);
    }
}

public sealed class OutreachEventContactConfiguration : IEntityTypeConfiguration<OutreachEventContact>
{
    public void Configure(EntityTypeBuilder<OutreachEventContact> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(c => new { c.EventId, c.ContactId });
        builder.HasOne(c => c.Contact).WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ContactId);
    }
}

public sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureTracking();
        builder.Property(i => i.Channel).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.InitiatedBy).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.StaffUserId).HasMaxLength(450).IsRequired();
        builder.Property(i => i.Summary).HasMaxLength(FieldLimits.Summary).IsRequired();
        builder.Property(i => i.Notes).HasMaxLength(FieldLimits.Notes);
        builder.HasOne(i => i.StaffUser).WithMany().HasForeignKey(i => i.StaffUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Contact).WithMany().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Organization).WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Event).WithMany().HasForeignKey(i => i.EventId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => new { i.OccurredAt, i.InitiatedBy }); // covers the dashboard and report counts by month and initiator
        builder.HasIndex(i => new { i.ContactId, i.OccurredAt });
        builder.HasIndex(i => new { i.OrganizationId, i.OccurredAt });
        builder.HasIndex(i => new { i.StaffUserId, i.OccurredAt });
        builder.HasIndex(i => i.EventId);
        builder.ToTable(t => t.HasCheckConstraint("CK_Interactions_ContactOrOrganization", "\"ContactId\" IS NOT NULL OR \"OrganizationId\" IS NOT NULL"));
    }
}

public sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureTracking();
        builder.Property(f => f.Title).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.Property(f => f.AssigneeId).HasMaxLength(450).IsRequired();
        builder.Property(f => f.DoneById).HasMaxLength(450);
        builder.HasOne(f => f.Assignee).WithMany().HasForeignKey(f => f.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.DoneBy).WithMany().HasForeignKey(f => f.DoneById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Contact).WithMany().HasForeignKey(f => f.ContactId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(f => f.Organization).WithMany().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(f => f.Event).WithMany().HasForeignKey(f => f.EventId).OnDelete(DeleteBehavior.SetNull);

        // "My follow-ups": open ones (DoneAt null) of one assignee by due date; the supervisors' list by due date.
        builder.HasIndex(f => new { f.AssigneeId, f.DoneAt, f.DueDate });
        builder.HasIndex(f => new { f.DoneAt, f.DueDate });
        // Led by the subject, then the creation time: a timeline page seeks its follow-ups by both.
        builder.HasIndex(f => new { f.ContactId, f.CreatedAt });
        builder.HasIndex(f => new { f.OrganizationId, f.CreatedAt });
        builder.HasIndex(f => f.EventId);
    }
}

public sealed class OutreachEventTagConfiguration : IEntityTypeConfiguration<OutreachEventTag>
{
    public void Configure(EntityTypeBuilder<OutreachEventTag> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(t => new { t.EventId, t.TagId });
        builder.HasOne(t => t.Tag).WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.TagId);
    }
}
