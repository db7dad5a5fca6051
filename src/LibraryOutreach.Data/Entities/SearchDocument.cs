namespace LibraryOutreach.Data.Entities;

/// <summary>
/// One searchable record in the global search: a contact or an organization now, events and notes later.
/// Kept in step with every write by <see cref="Search.SearchIndexInterceptor"/>; the full-text index over it is
/// provider-specific (an FTS5 table on SQLite, a generated <c>tsvector</c> column on PostgreSQL) and lives in the
/// migrations.
/// </summary>
public class SearchDocument
{
    /// <summary>
    /// A stable integer key: SQLite's FTS5 index refers to rows by it (an implicit rowid could change on VACUUM).
    /// </summary>
    public long Id { get; set; }

    /// <summary>One of <see cref="SearchKinds"/>.</summary>
    public string Kind { get; set; } = "";

    public Guid EntityId { get; set; }

    /// <summary>What the result shows first (the name).</summary>
    public string Title { get; set; } = "";

    /// <summary>A second line: the organization and title of a contact, the type of an organization.</summary>
    public string? Subtitle { get; set; }

    /// <summary>Search text for the title: lower case, no accents, words separated by single spaces.</summary>
    public string TitleText { get; set; } = "";

    /// <summary>Everything else that finds the record (emails, phones, organizations, tags), prepared like <see cref="TitleText"/>.</summary>
    public string BodyText { get; set; } = "";

    public bool IsArchived { get; set; }
}

/// <summary>The kinds of record the global search knows.</summary>
public static class SearchKinds
{
    public const string Contact = "contact";
    public const string Organization = "organization";

    /// <summary>Outreach events: offered in the app bar, linking to the event page.</summary>
    public const string Event = "event";

    /// <summary>Interactions: indexed, not yet offered in the app bar (they have no pages yet).</summary>
    public const string Interaction = "interaction";
}
