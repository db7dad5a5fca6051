using MudBlazor;

namespace LibraryOutreach.Web.Infrastructure.Theme;

/// <summary>The app's light and dark palettes. Colours are chosen for WCAG 2.1 AA contrast on their backgrounds.</summary>
public static class OutreachTheme
{
    /// <summary>Text on the dark palette's light colours (buttons, chips): at least 9:1 on each of them.</summary>
    private const string DarkText = "#0b1620";

    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            Secondary = "#7a4a00",
            Tertiary = "#2e6b3a",
            AppbarBackground = "#1f5f8b",
            AppbarText = "#ffffff",
            Background = "#f7f8fa",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1b1f23",
            TextPrimary = "#1b1f23",
            TextSecondary = "#4a5561",
            Error = "#b3261e",
            Warning = "#8a5300",
            Success = "#1e6b34",
            Info = "#1f5f8b",
        },
        PaletteDark = new PaletteDark
        {
            // Light colours on a dark page carry dark text (MudBlazor's default contrast text is white: 1.9:1 on these).
            Primary = "#8cc4ef",
            PrimaryContrastText = DarkText,
            SecondaryContrastText = DarkText,
            TertiaryContrastText = DarkText,
            InfoContrastText = DarkText,
            SuccessContrastText = DarkText,
            WarningContrastText = DarkText,
            ErrorContrastText = DarkText,
            Secondary = "#f0b869",
            Tertiary = "#8fd19e",
            AppbarBackground = "#14202b",
            AppbarText = "#e8eef3",
            Background = "#101418",
            Surface = "#1a2027",
            DrawerBackground = "#161b21",
            DrawerText = "#e8eef3",
            TextPrimary = "#e8eef3",
            TextSecondary = "#b6c2cd",
            Error = "#ffb4ab",
            Warning = "#ffcc80",
            Success = "#8fd19e",
            Info = "#8cc4ef",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
