using System.Net.Mail;
using LibraryOutreach.Data.Configurations;
using LibraryOutreach.Data.Entities;
using LibraryOutreach.Web.Infrastructure.Records;

namespace LibraryOutreach.Web.Features.Contacts;

/// <summary>Checks a <see cref="ContactInput"/> and turns it into entity values; messages are keyed by field name.</summary>
public static class ContactValidation
{
    public const string NameRequired = "Enter a first or a last name.";
    public const string EmailInvalid = "Enter a valid email address, like name@example.org.";
    public const string EmailDuplicate = "This email address is already listed for this contact.";
    public const string PhoneNoDigits = "A phone number needs at least one digit.";

    public static string TooLong(string label, int max) => $"{label} can be at most {max} characters.";

    /// <summary>True for a plain address ("name@example.org") that <see cref="MailAddress"/> accepts.</summary>
    public static bool IsValidEmail(string? address)
    {
        var text = address?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > FieldLimits.Email || text.Any(char.IsWhiteSpace)
            || text.Count(c => c == '@') != 1 || text.IndexOfAny(['<', '>', '(', ')', ',', ';', '"']) >= 0)
        {
            return false;
        }

        if (!MailAddress.TryCreate(text, out var parsed) || !string.Equals(parsed.Address, text, StringComparison.Ordinal))
        {
            return false;
        }

        var host = parsed.Host;
        return host.Contains('.', StringComparison.Ordinal) && !host.StartsWith('.') && !host.EndsWith('.');
    }

    /// <summary>Validates <paramref name="input"/> and writes its values onto <paramref name="contact"/> (emails and phones replaced).</summary>
    /// <exception cref="RecordValidationException">Any field is invalid (nothing is written then).</exception>
    public static void Apply(ContactInput input, Contact contact)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(contact);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var first = Clean(input.FirstName) ?? "";
        var last = Clean(input.LastName) ?? "";
        var display = Clean(input.DisplayName) ?? $"{first} {last}".Trim();
        var title = Clean(input.Title);
        var notes = input.Notes?.Trim() is { Length: > 0 } n ? n : null;

        if (first.Length == 0 && last.Length == 0)
        {
            errors["FirstName"] = NameRequired;
        }

        CheckLength(errors, nameof(ContactInput.FirstName), "First name", first, FieldLimits.PersonName);
        CheckLength(errors, nameof(ContactInput.LastName), "Last name", last, FieldLimits.PersonName);
        CheckLength(errors, nameof(ContactInput.DisplayName), "Display name", display, FieldLimits.Name);
        CheckLength(errors, nameof(ContactInput.Title), "Title", title, FieldLimits.Name);
        CheckLength(errors, nameof(ContactInput.Notes), "Notes", notes, FieldLimits.Notes);

        var emails = new List<ContactEmail>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Emails.Count; i++)
        {
            var e = input.Emails[i];
            var address = Clean(e.Address);
            var label = Clean(e.Label);
            if (address is null && label is null)
            {
                continue;
            }

            var key = $"Emails[{i}]";
            if (!IsValidEmail(address))
            {
                errors[key] = address is { Length: > FieldLimits.Email } ? TooLong("An email address", FieldLimits.Email) : EmailInvalid;
            }
            else if (!seen.Add(Normalize.Email(address)!))
            {
                errors[key] = EmailDuplicate;
            }

            CheckLength(errors, key + ".Label", "Label", label, FieldLimits.Label);
            emails.Add(new ContactEmail { Address = address ?? "", NormalizedAddress = Normalize.Email(address) ?? "", Label = label, IsPrimary = e.IsPrimary });
        }

        var phones = new List<ContactPhone>();
        for (var i = 0; i < input.Phones.Count; i++)
        {
            var p = input.Phones[i];
            var number = Clean(p.Number);
            var label = Clean(p.Label);
            if (number is null && label is null)
            {
                continue;
            }

            var key = $"Phones[{i}]";
            var normalized = Normalize.Phone(number);
            if (normalized is null)
            {
                errors[key] = PhoneNoDigits;
            }
            else if (number!.Length > FieldLimits.Phone || normalized.Length > FieldLimits.PhoneNormalized)
            {
                errors[key] = TooLong("A phone number", FieldLimits.Phone);
            }

            CheckLength(errors, key + ".Label", "Label", label, FieldLimits.Label);
            phones.Add(new ContactPhone { Number = number ?? "", Normalized = normalized ?? "", Label = label, IsPrimary = p.IsPrimary });
        }

        if (errors.Count > 0)
        {
            throw new RecordValidationException(errors);
        }

        contact.FirstName = first;
        contact.LastName = last;
        contact.DisplayName = display;
        contact.Title = title;
        contact.Notes = notes;
        contact.PreferredChannel = input.PreferredChannel;
        contact.OwnerId = Clean(input.OwnerId);
        contact.Emails = OnePrimary(emails, e => e.IsPrimary, (e, v) => e.IsPrimary = v);
        contact.Phones = OnePrimary(phones, p => p.IsPrimary, (p, v) => p.IsPrimary = v);
    }

    private static List<T> OnePrimary<T>(List<T> items, Func<T, bool> get, Action<T, bool> set)
    {
        var primary = items.FirstOrDefault(get) ?? items.FirstOrDefault();
        foreach (var item in items)
        {
            set(item, ReferenceEquals(item, primary));
        }

        return items;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void CheckLength(Dictionary<string, string> errors, string key, string label, string? value, int max)
    {
        if (value is not null && value.Length > max && !errors.ContainsKey(key))
        {
            errors[key] = TooLong(label, max);
        }
    }
}
