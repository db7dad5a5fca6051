using LibraryOutreach.Data.Entities;

namespace LibraryOutreach.Web.Features.Contacts;

/// <summary>Words shown for contact values.</summary>
public static class ContactText
{
    public static string Channel(ContactChannel? channel) => channel switch
    {
        ContactChannel.InPerson => "In person",
        ContactChannel.Phone => "Phone",
        ContactChannel.Email => "Email",
        ContactChannel.Video => "Video call",
        ContactChannel.Letter => "Letter",
        ContactChannel.Social => "Social media",
        _ => "No preference",
    };

    /// <summary>Field names of <see cref="Infrastructure.Records.FieldDifference"/> as people read them.</summary>
    public static string Field(string field) => field switch
    {
        "FirstName" => "First name",
        "LastName" => "Last name",
        "DisplayName" => "Display name",
        "PreferredChannel" => "Preferred channel",
        _ => field,
    };
}
