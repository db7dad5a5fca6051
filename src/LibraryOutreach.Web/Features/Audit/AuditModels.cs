using LibraryOutreach.Data.Entities;

namespace LibraryOutreach.Web.Features.Audit;

/// <summary>Filters and paging for <see cref="AuditService.SearchAsync"/>. Every filter is optional.</summary>
public sealed record AuditQuery
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 25;

    /// <summary>The value of <see cref="UserId"/> that selects changes made by the system (no signed-in person).</summary>
    public const string SystemUserId = "(system)";

    /// <summary>Changes at or after this moment.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Changes before this moment (exclusive).</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>The person who made the change, or <see cref="SystemUserId"/>.</summary>
    public string? UserId { get; init; }

    /// <summary>The raw entity type name as stored (e.g. <c>StaffUser</c>); see <see cref="AuditDisplayNames"/>.</summary>
    public string? EntityType { get; init; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string? Action { get; init; }

    /// <summary>Part of the changed record's id (case-insensitive).</summary>
    public string? EntityIdContains { get; init; }

    /// <summary>Zero-based page index.</summary>
    public int Page { get; init; }

    /// <summary>Rows per page, at most <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = DefaultPageSize;
}

/// <summary>One audited change, ready to show.</summary>
public sealed record AuditRow(
    long Id,
    DateTimeOffset At,
    string? UserId,
    string UserName,
    string Action,
    string EntityType,
    string EntityTypeName,
    string EntityId,
    IReadOnlyList<AuditChange> Changes);

/// <summary>A page of <see cref="AuditRow"/>s, newest first, with the number of rows matching the filters.</summary>
public sealed record AuditSearchResult(IReadOnlyList<AuditRow> Rows, int TotalCount, int Page, int PageSize);

/// <summary>A choice in a filter drop-down: the value to filter on and the label to show.</summary>
public sealed record AuditFilterOption(string Value, string Label);
