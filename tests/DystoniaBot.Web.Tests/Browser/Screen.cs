namespace DystoniaBot.Web.Tests.Browser;

/// <summary>A screen the page is shown on: its viewport in CSS pixels and how many device pixels make one.</summary>
/// <param name="Name">A name for the screenshots, e.g. <c>zoom-200</c>.</param>
/// <param name="Width">The viewport's width in CSS pixels.</param>
/// <param name="Height">The viewport's height in CSS pixels.</param>
/// <param name="DeviceScaleFactor">Device pixels per CSS pixel (the page's devicePixelRatio).</param>
/// <param name="IsPhone">A phone: touch, overlay scroll bars, the viewport meta tag honoured.</param>
public sealed record Screen(string Name, int Width, int Height, float DeviceScaleFactor = 1, bool IsPhone = false)
{
    // Browser zoom is, for a page, a smaller viewport in CSS pixels with a devicePixelRatio raised by the same factor:
    // media queries, layout and the sharpness of text all follow from those two numbers and nothing else. So a
    // 1280×800 window at 200% is a 640×400 viewport at 2 device pixels per CSS pixel, and at 400% one of 320×200 at 4,
    // which is what these screens emulate (Chromium's own zoom can't be set in a headless browser; CSS zoom on the
    // document would leave the media queries at 100%).

    /// <summary>A 1280×800 window zoomed to 200%.</summary>
    public static Screen Zoom200 { get; } = new("zoom-200", 640, 400, 2);

    /// <summary>A 1280×800 window zoomed to 400% (WCAG's reflow case: 320 CSS pixels wide).</summary>
    public static Screen Zoom400 { get; } = new("zoom-400", 320, 200, 4);

    /// <summary>A phone held upright (390×844, an iPhone 12 to 15).</summary>
    public static Screen PhonePortrait { get; } = new("phone-portrait", 390, 844, 3, IsPhone: true);

    /// <summary>The same phone held sideways.</summary>
    public static Screen PhoneLandscape { get; } = new("phone-landscape", 844, 390, 3, IsPhone: true);

    /// <summary>The screens every layout test is run on, by name.</summary>
    public static IReadOnlyDictionary<string, Screen> All { get; } = new[] { Zoom200, Zoom400, PhonePortrait, PhoneLandscape }.ToDictionary(s => s.Name);
}
