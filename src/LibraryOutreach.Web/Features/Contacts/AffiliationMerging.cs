using LibraryOutreach.Data;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.Web.Features.Contacts;

/// <summary>
/// Moving affiliations during a merge (contacts: to the surviving contact; organizations: to the surviving
/// organization) without ending up with the same role twice. Works on tracked entities; the caller saves.
/// </summary>
public static class AffiliationMerging
{
    /// <summary>
    /// Re-points each of <paramref name="moving"/> with <paramref name="retarget"/>, unless the survivor already has the
    /// same one among <paramref name="existing"/>:
    /// the same other side (<paramref name="otherSide"/>: the organization for a contact merge, the contact
    /// for an organization merge), both current with the same role (or one role blank), or both ended on the same day
    /// with the same role and start. Then the survivor's one stays (its blank role and start filled, the earlier
    /// start kept) and the moving one is removed. Returns how many moved.
    /// </summary>
    public static int Move(
        OutreachDbContext db,
        IEnumerable<Affiliation> moving,
        IEnumerable<Affiliation> existing,
        Func<Affiliation, Guid> otherSide,
        Action<Affiliation> retarget)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(moving);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(otherSide);
        ArgumentNullException.ThrowIfNull(retarget);
        var kept = existing.ToList();
        var moved = 0;
        foreach (var affiliation in moving.ToList())
        {
            var same = kept.FirstOrDefault(k => otherSide(k) == otherSide(affiliation) && IsSame(k, affiliation));
            if (same is null)
            {
                retarget(affiliation);
                kept.Add(affiliation);
                moved++;
                continue;
            }

            if (string.IsNullOrWhiteSpace(same.Role))
            {
                same.Role = affiliation.Role;
            }

            if (affiliation.StartDate is { } start && (same.StartDate is null || start < same.StartDate))
            {
                same.StartDate = start;
            }

            db.Affiliations.Remove(affiliation);
        }

        return moved;
    }

    private static bool IsSame(Affiliation a, Affiliation b) =>
        RecordMerging.SameRole(a.Role, b.Role)
        && ((a.EndDate is null && b.EndDate is null)
            || (a.EndDate == b.EndDate && (a.StartDate == b.StartDate || a.StartDate is null || b.StartDate is null)));
}
