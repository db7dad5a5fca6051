using System.Text.Json;
using LibraryOutreach.Data.Entities;

namespace LibraryOutreach.Web.Features.Import;

/// <summary>A merged record's state before the merge (ImportBatchItem.PreviousState), so undo can put it back.</summary>
internal static class ImportSnapshots
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal sealed record EmailState(Guid Id, string Address, string NormalizedAddress, string? Label, bool IsPrimary);

    internal sealed record PhoneState(Guid Id, string Number, string Normalized, string? Label, bool IsPrimary);

    internal sealed record ContactState(
        string FirstName,
        string LastName,
        string DisplayName,
        string? Title,
        string? Notes,
        IReadOnlyList<EmailState> Emails,
        IReadOnlyList<PhoneState> Phones,
        IReadOnlyList<Guid> TagIds);

    internal sealed record OrganizationState(
        string Name,
        string? Website,
        IReadOnlyList<string> EmailDomains,
        string? Phone,
        string? PhoneNormalized,
        string? Email,
        string? Address,
        string? Notes,
        IReadOnlyList<Guid> TagIds);

    public static string Capture(Contact contact) => JsonSerializer.Serialize(
        new ContactState(
            contact.FirstName,
            contact.LastName,
            contact.DisplayName,
            contact.Title,
            contact.Notes,
            contact.Emails.Select(e => new EmailState(e.Id, e.Address, e.NormalizedAddress, e.Label, e.IsPrimary)).ToList(),
            contact.Phones.Select(p => new PhoneState(p.Id, p.Number, p.Normalized, p.Label, p.IsPrimary)).ToList(),
            contact.Tags.Select(t => t.TagId).ToList()),
        Json);

    public static string Capture(Organization organization) => JsonSerializer.Serialize(
        new OrganizationState(
            organization.Name,
            organization.Website,
            [.. organization.EmailDomains],
            organization.Phone,
            organization.PhoneNormalized,
            organization.Email,
            organization.Address,
            organization.Notes,
            organization.Tags.Select(t => t.TagId).ToList()),
        Json);

    /// <summary>Puts fields, emails, phones and tags back as they were (tags that no longer exist stay off).</summary>
    public static void Restore(Contact contact, string json, IReadOnlySet<Guid> existingTagIds)
    {
        var state = JsonSerializer.Deserialize<ContactState>(json, Json) ?? throw new InvalidOperationException("The saved state of a merged contact is unreadable.");
        contact.FirstName = state.FirstName;
        contact.LastName = state.LastName;
        contact.DisplayName = state.DisplayName;
        contact.Title = state.Title;
        contact.Notes = state.Notes;

        contact.Emails.RemoveAll(e => !state.Emails.Any(s => s.Id == e.Id));
        foreach (var email in state.Emails)
        {
            var current = contact.Emails.FirstOrDefault(e => e.Id == email.Id);
            if (current is null)
            {
                contact.Emails.Add(new ContactEmail { Id = email.Id, ContactId = contact.Id, Address = email.Address, NormalizedAddress = email.NormalizedAddress, Label = email.Label, IsPrimary = email.IsPrimary });
            }
            else
            {
                (current.Address, current.NormalizedAddress, current.Label, current.IsPrimary) = (email.Address, email.NormalizedAddress, email.Label, email.IsPrimary);
            }
        }

        contact.Phones.RemoveAll(p => !state.Phones.Any(s => s.Id == p.Id));
        foreach (var phone in state.Phones)
        {
            var current = contact.Phones.FirstOrDefault(p => p.Id == phone.Id);
            if (current is null)
            {
                contact.Phones.Add(new ContactPhone { Id = phone.Id, ContactId = contact.Id, Number = phone.Number, Normalized = phone.Normalized, Label = phone.Label, IsPrimary = phone.IsPrimary });
            }
            else
            {
                (current.Number, current.Normalized, current.Label, current.IsPrimary) = (phone.Number, phone.Normalized, phone.Label, phone.IsPrimary);
            }
        }

        contact.Tags.RemoveAll(t => !state.TagIds.Contains(t.TagId));
        foreach (var tagId in state.TagIds.Where(id => existingTagIds.Contains(id) && !contact.Tags.Any(t => t.TagId == id)))
        {
            contact.Tags.Add(new ContactTag { ContactId = contact.Id, TagId = tagId });
        }
    }

    public static void Restore(Organization organization, string json, IReadOnlySet<Guid> existingTagIds)
    {
        var state = JsonSerializer.Deserialize<OrganizationState>(json, Json) ?? throw new InvalidOperationException("The saved state of a merged organization is unreadable.");
        organization.Name = state.Name;
        organization.Website = state.Website;
        organization.EmailDomains = [.. state.EmailDomains];
        organization.Phone = state.Phone;
        organization.PhoneNormalized = state.PhoneNormalized;
        organization.Email = state.Email;
        organization.Address = state.Address;
        organization.Notes = state.Notes;
        organization.Tags.RemoveAll(t => !state.TagIds.Contains(t.TagId));
        foreach (var tagId in state.TagIds.Where(id => existingTagIds.Contains(id) && !organization.Tags.Any(t => t.TagId == id)))
        {
            organization.Tags.Add(new OrganizationTag { OrganizationId = organization.Id, TagId = tagId });
        }
    }
}
