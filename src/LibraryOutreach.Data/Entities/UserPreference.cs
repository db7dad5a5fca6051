namespace LibraryOutreach.Data.Entities;

/// <summary>One remembered choice of one staff member (a list's filters and columns), as JSON under a key.</summary>
public class UserPreference
{
    public string UserId { get; set; } = "";

    /// <summary>What the value is for, e.g. "contacts-list".</summary>
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}
