using System.Globalization;
using LibraryOutreach.Data;
using Microsoft.EntityFrameworkCore;

namespace LibraryOutreach.Web.Infrastructure.Records;

/// <summary>
/// How often contacts or organizations appear in the outreach log (interactions with them, events they were at). The
/// database restricts deleting a record that does (the log is history); services ask first, to refuse with a message.
/// </summary>
public static class OutreachLogUses
{
    public static async Task<int> OfContactsAsync(OutreachDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Interactions.CountAsync(i => i.ContactId != null && ids.Contains(i.ContactId.Value), ct)
            + await db.OutreachEventContacts.CountAsync(c => ids.Contains(c.ContactId), ct);
    }

    public static async Task<int> OfOrganizationsAsync(OutreachDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Interactions.CountAsync(i => i.OrganizationId != null && ids.Contains(i.OrganizationId.Value), ct)
            + await db.OutreachEventOrganizations.CountAsync(o => ids.Contains(o.OrganizationId), ct);
    }

    /// <summary>Refuses the permanent delete of <paramref name="name"/> when it appears <paramref name="uses"/> times in the log.</summary>
    public static void RefuseDeleteIfUsed(string name, int uses)
    {
        if (uses > 0)
        {
            throw new RecordValidationException(string.Create(
                CultureInfo.InvariantCulture,
                $"{name} appears {uses} time(s) in the outreach log (events and interactions), so it can't be deleted. Archive it instead."));
        }
    }
}
