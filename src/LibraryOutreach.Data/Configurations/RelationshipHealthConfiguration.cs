using LibraryOutreach.Data.Auditing;
using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LibraryOutreach.Data.Configurations;

public sealed class RelationshipHealthConfiguration : IEntityTypeConfiguration<RelationshipHealthRow>
{
    public void Configure(EntityTypeBuilder<RelationshipHealthRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Derived data: the records it is computed from are audited.
        builder.IsNotAudited();
        builder.ToTable("RelationshipHealth");
        builder.HasKey(h => new { h.Kind, h.EntityId });
        builder.Property(h => h.Name).HasMaxLength(FieldLimits.Name * 2).IsRequired();
        builder.Property(h => h.NameKey).HasMaxLength(FieldLimits.Name * 2).IsRequired();
        builder.Property(h => h.OwnerId).HasMaxLength(450);
        builder.Property(h => h.Quarters).HasMaxLength(2000).IsRequired();
        // The Relationships page's sort columns and filters.
        builder.HasIndex(h => h.NameKey);
        builder.HasIndex(h => h.LastTouch);
        builder.HasIndex(h => h.PartnerShare);
        builder.HasIndex(h => h.Responsiveness);
        builder.HasIndex(h => h.TouchesInWindow);
        builder.HasIndex(h => h.OwnerId);
        builder.HasIndex(h => h.ComputedFor);
    }
}
