using LibraryOutreach.Data.Auditing;
using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LibraryOutreach.Data.Configurations;

/// <summary>Field length limits shared by the model, the forms' validation and the import rules.</summary>
public static class FieldLimits
{
    public const int Name = 200;
    public const int PersonName = 100;
    public const int Email = 256;
    public const int Phone = 50;
    public const int PhoneNormalized = 32;
    public const int Label = 50;
    public const int Url = 500;
    public const int Address = 500;
    public const int Notes = 8000;
    public const int TagName = 50;
    public const int ChoiceName = TagName * 2;
    public const int Summary = 500;
}

internal static class TrackedEntityConfiguration
{
    /// <summary>Stamps are bookkeeping (not audited field by field); the version is the concurrency token.</summary>
    public static void ConfigureTracking<T>(this EntityTypeBuilder<T> builder)
        where T : TrackedEntity
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Version).IsConcurrencyToken().IsAuditIgnored();
        builder.Property(e => e.UpdatedAt).IsAuditIgnored();
        builder.Property(e => e.UpdatedById).HasMaxLength(450).IsAuditIgnored();
        builder.Property(e => e.CreatedById).HasMaxLength(450);
    }

    /// <summary>
    /// An admin-editable choice list (organization types, branches, event types): tracked, a unique required name,
    /// and optionally default entries seeded with fixed ids (their version equals their id, so seeding stays stable).
    /// </summary>
    public static void ConfigureChoiceList<T>(this EntityTypeBuilder<T> builder, IReadOnlyList<(Guid Id, string Name)>? defaults = null, DateTimeOffset seededAt = default)
        where T : TrackedEntity, IChoiceListEntry, new()
    {
        builder.ConfigureTracking();
        builder.Property(t => t.Name).HasMaxLength(FieldLimits.ChoiceName).IsRequired();
        builder.HasIndex(t => t.Name).IsUnique();
        if (defaults is not null)
        {
            builder.HasData(defaults.Select((d, i) => new T
            {
                Id = d.Id,
                Name = d.Name,
                SortOrder = (i + 1) * 10,
                CreatedAt = seededAt,
                UpdatedAt = seededAt,
                Version = d.Id,
            }));
        }
    }
}

public sealed class OrganizationTypeConfiguration : IEntityTypeConfiguration<OrganizationType>
{
    public static readonly (Guid Id, string Name)[] Defaults =
    [
        (new Guid("0193a000-0000-7000-8000-000000000001"), "School"),
        (new Guid("0193a000-0000-7000-8000-000000000002"), "Town government"),
        (new Guid("0193a000-0000-7000-8000-000000000003"), "Nonprofit"),
        (new Guid("0193a000-0000-7000-8000-000000000004"), "Business"),
        (new Guid("0193a000-0000-7000-8000-000000000005"), "Faith community"),
        (new Guid("0193a000-0000-7000-8000-000000000006"), "Civic group"),
        (new Guid("0193a000-0000-7000-8000-000000000007"), "Media"),
        (new Guid("0193a000-0000-7000-8000-000000000008"), "Other"),
    ];

    public void Configure(EntityTypeBuilder<OrganizationType> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureChoiceList(Defaults, new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
    }
}

public sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureTracking();
        builder.Property(t => t.Name).HasMaxLength(FieldLimits.TagName).IsRequired();
        builder.Property(t => t.Color).HasMaxLength(7).IsRequired();
        builder.HasIndex(t => t.Name).IsUnique();
    }
}

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureTracking();
        builder.Property(o => o.Name).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.Property(o => o.PartnershipLevel).HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.Website).HasMaxLength(FieldLimits.Url);
        builder.Property(o => o.Phone).HasMaxLength(FieldLimits.Phone);
        builder.Property(o => o.PhoneNormalized).HasMaxLength(FieldLimits.PhoneNormalized);
        builder.Property(o => o.Email).HasMaxLength(FieldLimits.Email);
        builder.Property(o => o.Address).HasMaxLength(FieldLimits.Address);
        builder.Property(o => o.Notes).HasMaxLength(FieldLimits.Notes);
        builder.Property(o => o.OwnerId).HasMaxLength(450);
        builder.HasOne(o => o.Type).WithMany().HasForeignKey(o => o.TypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Owner).WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(o => o.CoOwners).WithOne().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Tags).WithOne().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => o.Name);
        builder.HasIndex(o => new { o.IsArchived, o.Name });
        builder.HasIndex(o => o.TypeId);
        builder.HasIndex(o => o.OwnerId);
        builder.HasIndex(o => o.PhoneNormalized);
        builder.HasIndex(o => o.MergedIntoId);
    }
}

public sealed class OrganizationCoOwnerConfiguration : IEntityTypeConfiguration<OrganizationCoOwner>
{
    public void Configure(EntityTypeBuilder<OrganizationCoOwner> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(c => new { c.OrganizationId, c.UserId });
        builder.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class OrganizationTagConfiguration : IEntityTypeConfiguration<OrganizationTag>
{
    public void Configure(EntityTypeBuilder<OrganizationTag> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(t => new { t.OrganizationId, t.TagId });
        builder.HasOne(t => t.Tag).WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.TagId);
    }
}

public sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureTracking();
        builder.Property(c => c.FirstName).HasMaxLength(FieldLimits.PersonName);
        builder.Property(c => c.LastName).HasMaxLength(FieldLimits.PersonName);
        builder.Property(c => c.DisplayName).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.Property(c => c.Title).HasMaxLength(FieldLimits.Name);
        builder.Property(c => c.PreferredChannel).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Notes).HasMaxLength(FieldLimits.Notes);
        builder.Property(c => c.OwnerId).HasMaxLength(450);
        builder.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Emails).WithOne().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Phones).WithOne().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Tags).WithOne().HasForeignKey(t => t.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.DisplayName);
        builder.HasIndex(c => new { c.IsArchived, c.LastName, c.FirstName });
        builder.HasIndex(c => c.OwnerId);
        builder.HasIndex(c => c.MergedIntoId);
    }
}

public sealed class ContactEmailConfiguration : IEntityTypeConfiguration<ContactEmail>
{
    public void Configure(EntityTypeBuilder<ContactEmail> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Address).HasMaxLength(FieldLimits.Email).IsRequired();
        builder.Property(e => e.NormalizedAddress).HasMaxLength(FieldLimits.Email).IsRequired();
        builder.Property(e => e.Label).HasMaxLength(FieldLimits.Label);
        builder.HasIndex(e => e.NormalizedAddress);
        builder.HasIndex(e => e.ContactId);
    }
}

public sealed class ContactPhoneConfiguration : IEntityTypeConfiguration<ContactPhone>
{
    public void Configure(EntityTypeBuilder<ContactPhone> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Number).HasMaxLength(FieldLimits.Phone).IsRequired();
        builder.Property(p => p.Normalized).HasMaxLength(FieldLimits.PhoneNormalized).IsRequired();
        builder.Property(p => p.Label).HasMaxLength(FieldLimits.Label);
        builder.HasIndex(p => p.Normalized);
        builder.HasIndex(p => p.ContactId);
    }
}

public sealed class ContactTagConfiguration : IEntityTypeConfiguration<ContactTag>
{
    public void Configure(EntityTypeBuilder<ContactTag> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(t => new { t.ContactId, t.TagId });
        builder.HasOne(t => t.Tag).WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.TagId);
    }
}

public sealed class AffiliationConfiguration : IEntityTypeConfiguration<Affiliation>
{
    public void Configure(EntityTypeBuilder<Affiliation> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureTracking();
        builder.Property(a => a.Role).HasMaxLength(FieldLimits.Name);
        builder.HasOne(a => a.Contact).WithMany(c => c.Affiliations).HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Organization).WithMany(o => o.Affiliations).HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.ContactId);
        builder.HasIndex(a => a.OrganizationId);
    }
}

public sealed class CommitteeSeatConfiguration : IEntityTypeConfiguration<CommitteeSeat>
{
    public void Configure(EntityTypeBuilder<CommitteeSeat> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureTracking();
        builder.Property(s => s.StaffUserId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.Role).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.Property(s => s.MeetingCadence).HasMaxLength(FieldLimits.Name);
        builder.Property(s => s.Notes).HasMaxLength(FieldLimits.Notes);
        builder.HasOne(s => s.StaffUser).WithMany().HasForeignKey(s => s.StaffUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Organization).WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.OrganizationId);
        builder.HasIndex(s => s.StaffUserId);
    }
}

public sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureTracking();
        builder.Property(b => b.Kind).HasMaxLength(32).IsRequired();
        builder.Property(b => b.FileName).HasMaxLength(260).IsRequired();
        builder.Property(b => b.Format).HasMaxLength(32).IsRequired();
        builder.Property(b => b.UndoneById).HasMaxLength(450);
        builder.HasMany(b => b.Items).WithOne().HasForeignKey(i => i.BatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => b.CreatedAt);
    }
}

public sealed class ImportBatchItemConfiguration : IEntityTypeConfiguration<ImportBatchItem>
{
    public void Configure(EntityTypeBuilder<ImportBatchItem> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // One row per imported record: the batch itself is audited, its items would only repeat the records' own audit rows.
        builder.IsNotAudited();
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.EntityType).HasMaxLength(32).IsRequired();
        builder.Property(i => i.Action).HasMaxLength(16).IsRequired();
        builder.HasIndex(i => i.BatchId);
        // A contact's or organization's timeline lists the imports that added or merged it.
        builder.HasIndex(i => new { i.EntityType, i.EntityId });
    }
}
