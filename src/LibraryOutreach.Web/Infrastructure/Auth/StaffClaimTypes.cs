namespace LibraryOutreach.Web.Infrastructure.Auth;

public static class StaffClaimTypes
{
    public const string DisplayName = "outreach:display_name";
}
