namespace LibraryOutreach.Data.Entities;

/// <summary>An admin-managed entry with a unique name that is archived rather than deleted once used (tags, choice lists).</summary>
public interface INamedEntry : ITrackedEntity
{
    string Name { get; set; }

    bool IsArchived { get; set; }
}

/// <summary>
/// An entry of an admin-editable choice list (organization types, branches, event types): a unique name, a place in
/// the list, and archived instead of deleted once records use it.
/// </summary>
public interface IChoiceListEntry : INamedEntry
{
    int SortOrder { get; set; }
}
