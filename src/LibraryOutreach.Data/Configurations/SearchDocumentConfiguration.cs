using LibraryOutreach.Data.Auditing;
using LibraryOutreach.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LibraryOutreach.Data.Configurations;

public sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    public const int TextLimit = 16_000;

    public void Configure(EntityTypeBuilder<SearchDocument> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Derived data: the records themselves are audited.
        builder.IsNotAudited();
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedOnAdd();
        builder.HasIndex(d => new { d.Kind, d.EntityId }).IsUnique();
        builder.Property(d => d.Kind).HasMaxLength(32);
        builder.Property(d => d.Title).HasMaxLength(FieldLimits.Name * 2).IsRequired();
        builder.Property(d => d.Subtitle).HasMaxLength(FieldLimits.Name * 2);
        builder.Property(d => d.TitleText).HasMaxLength(FieldLimits.Name * 2).IsRequired();
        builder.Property(d => d.BodyText).HasMaxLength(TextLimit).IsRequired();
    }
}
