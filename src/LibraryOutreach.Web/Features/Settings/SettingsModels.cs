namespace LibraryOutreach.Web.Features.Settings;

public sealed record TagItem(Guid Id, string Name, string Color, bool IsArchived);

public sealed record OrganizationTypeItem(Guid Id, string Name, int SortOrder, bool IsArchived, int UsageCount);
