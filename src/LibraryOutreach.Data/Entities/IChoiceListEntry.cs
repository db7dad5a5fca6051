namespace LibraryOutreach.Data.Entities;

/// <summary>
/// An entry of an admin-editable choice list (organization types, branches, event types): a unique name, a place in
/// the list, and archived instead of deleted once records use it.
/// </summary>
public interface IChoiceListEntry : ITrackedEntity
{
    string Name { get; set; }

    int SortOrder { get; set; }

    bool IsArchived { get; set; }
}
