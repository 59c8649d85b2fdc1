using System.Globalization;

namespace Summaries.Summary.Text;

/// <summary>
/// Characters that change nothing a reader sees (zero-width spaces and joiners, bidirectional
/// controls, soft hyphens: Unicode format characters) but can hide words from a pattern.
/// </summary>
public static class Invisible
{
    public static string Strip(string text)
    {
        if (!text.Any(IsInvisible))
        {
            return text;
        }

        return new string(text.Where(c => !IsInvisible(c)).ToArray());
    }

    public static bool IsInvisible(char c) => char.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
