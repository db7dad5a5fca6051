using LibraryOutreach.Data.Entities;

namespace LibraryOutreach.Web.Features.Interactions;

/// <summary>Words shown for interaction values.</summary>
public static class InteractionText
{
    public static string InitiatedBy(InitiatedBy? initiatedBy) => initiatedBy switch
    {
        Data.Entities.InitiatedBy.Library => "Library",
        Data.Entities.InitiatedBy.Partner => "Partner",
        Data.Entities.InitiatedBy.Mutual => "Mutual",
        _ => "Not chosen",
    };

    /// <summary>"Marge Simpson (Springfield Elementary)", "Marge Simpson" or "Springfield Elementary".</summary>
    public static string? PartyName(string? contactName, string? organizationName) => (contactName, organizationName) switch
    {
        (null, null) => null,
        (null, _) => organizationName,
        (_, null) => contactName,
        _ => $"{contactName} ({organizationName})",
    };

    /// <summary>Field names of a conflict's differences as people read them.</summary>
    public static string Field(string field) => field switch
    {
        "OccurredAt" => "Date and time",
        "InitiatedBy" => "Initiated by",
        "Who" => "Who",
        _ => field,
    };
}
