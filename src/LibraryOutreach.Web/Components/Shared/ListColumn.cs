namespace LibraryOutreach.Web.Components.Shared;

/// <summary>An optional column of a list page, for <see cref="ColumnChooser"/>.</summary>
public sealed record ListColumn(string Key, string Label);
