namespace LibraryOutreach.Data.Entities;

/// <summary>The three staff roles. Role names are stored in Identity's role table.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Supervisor = "Supervisor";
    public const string Staff = "Staff";

    public static IReadOnlyList<string> All { get; } = [Admin, Supervisor, Staff];

    public static bool IsValid(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
