namespace LibraryOutreach.Web.Features.Settings;

public sealed record TagItem(Guid Id, string Name, string Color, bool IsArchived);

/// <summary>An entry of a choice list (organization types, branches, event types) and how many records use it.</summary>
public sealed record ChoiceListItem(Guid Id, string Name, int SortOrder, bool IsArchived, int UsageCount);
