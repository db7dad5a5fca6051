namespace LibraryOutreach.Web.Infrastructure.Records;

/// <summary>A tag as lists and detail pages show it.</summary>
public sealed record TagChip(Guid Id, string Name, string Color);
