using System.Text.RegularExpressions;

namespace Summaries.Summary.Facts;

/// <summary>
/// Recognises photo captions and credit lines ("Mr Xi met Mr Blinken … (Pool via AP)"): they
/// describe a picture the reader of a briefing cannot see, so they are never used as claims.
/// </summary>
public static partial class CaptionDetector
{
    public static bool IsCaption(string sentence, bool isWholeParagraph)
    {
        var trimmed = sentence.Trim();
        if (CreditPattern().IsMatch(trimmed) || LinkLine().IsMatch(trimmed))
        {
            return true;
        }

        // A one-line paragraph without closing punctuation reads as a caption or a heading.
        return isWholeParagraph && trimmed.Length > 0 && !EndsLikeSentence(trimmed);
    }

    // A closing quotation mark ends a sentence only after sentence punctuation ("… he said.”);
    // a caption may end with a quoted film title.
    private static bool EndsLikeSentence(string s) =>
        s[^1] is '.' or '!' or '?' or ':' or ';'
        || (s[^1] is '”' or '"' or '’' && s.Length > 1 && s[^2] is '.' or '!' or '?' or ',');

    // Web furniture: "Watch Bush criticize the Iraqi government »", "Click here to …".
    [GeneratedRegex(@"[»›]\s*$|^Click here\b", RegexOptions.IgnoreCase)]
    private static partial Regex LinkLine();

    [GeneratedRegex(@"\((?:[^()]*\b(?:via|Photo|Photograph|Picture|Image|Credit|Getty|Reuters|AP|AFP|EPA|PA|Pool|Shutterstock|Alamy)\b[^()]*)\)\s*$")]
    private static partial Regex CreditPattern();
}
