using LibraryOutreach.Data.Auditing;
using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LibraryOutreach.Data.Configurations;

// A contact's or organization's own cadence (CadenceIdealDays/CadenceMaxDays, both or neither, 1 ≤ ideal ≤ max) is
// checked by CadenceService, not by a CHECK constraint: adding one to the existing Contacts and Organizations tables
// makes SQLite rebuild both tables (outside a transaction), which an upgrade should not do to a large database.
public sealed class CadenceRuleConfiguration : IEntityTypeConfiguration<CadenceRule>
{
    /// <summary>The seeded cadence per partnership level: formal partner 30/60, sponsor 45/90, collaborator 60/120, contact 90/180.</summary>
    public static readonly (Guid Id, PartnershipLevel Level, int Ideal, int Max)[] Defaults =
    [
        (new Guid("0193a002-0000-7000-8000-000000000001"), PartnershipLevel.FormalPartner, 30, 60),
        (new Guid("0193a002-0000-7000-8000-000000000002"), PartnershipLevel.Sponsor, 45, 90),
        (new Guid("0193a002-0000-7000-8000-000000000003"), PartnershipLevel.Collaborator, 60, 120),
        (new Guid("0193a002-0000-7000-8000-000000000004"), PartnershipLevel.Contact, 90, 180),
    ];

    public void Configure(EntityTypeBuilder<CadenceRule> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureTracking();
        builder.Property(r => r.PartnershipLevel).HasConversion<string>().HasMaxLength(32);
        builder.HasOne(r => r.OrganizationType).WithMany().HasForeignKey(r => r.OrganizationTypeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.PartnershipLevel).IsUnique();
        builder.HasIndex(r => r.OrganizationTypeId).IsUnique();
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_CadenceRules_OneSubject",
                "(\"PartnershipLevel\" IS NULL) <> (\"OrganizationTypeId\" IS NULL)");
            t.HasCheckConstraint("CK_CadenceRules_Days", "\"IdealDays\" >= 1 AND \"MaxDays\" >= \"IdealDays\"");
        });
        var seededAt = new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);
        builder.HasData(Defaults.Select(d => new CadenceRule
        {
            Id = d.Id,
            PartnershipLevel = d.Level,
            IdealDays = d.Ideal,
            MaxDays = d.Max,
            CreatedAt = seededAt,
            UpdatedAt = seededAt,
            Version = d.Id,
        }));
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // A person's reminders, derived from records that are audited themselves.
        builder.IsNotAudited();
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.UserId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(n => n.Text).HasMaxLength(FieldLimits.Summary).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(FieldLimits.Url);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.UserId, n.Kind, n.SubjectId, n.Day }).IsUnique();
        builder.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
    }
}

public sealed class ReminderDigestConfiguration : IEntityTypeConfiguration<ReminderDigest>
{
    public void Configure(EntityTypeBuilder<ReminderDigest> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.IsNotAudited();
        builder.HasKey(d => new { d.UserId, d.Day });
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
