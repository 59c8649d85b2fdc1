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
        if (CreditPattern().IsMatch(trimmed) || LinkLine().IsMatch(trimmed) || PublisherNote().IsMatch(trimmed) || CreditLine().IsMatch(trimmed))
        {
            return true;
        }

        // A name and what it is seen with, and no verb: a picture's caption run into the text
        // ("Jane Doe with her award.", "Ana Ruiz with good reason to smile.").
        if (NameWith().IsMatch(trimmed) && !FiniteVerb().IsMatch(trimmed))
        {
            return true;
        }

        // A one-line paragraph without closing punctuation reads as a caption or a heading.
        if (isWholeParagraph && trimmed.Length > 0 && !EndsLikeSentence(trimmed))
        {
            return true;
        }

        // A one-sentence paragraph that describes a picture: a named subject, a present-tense verb of
        // what a photo shows, and the day it was taken ("President Bush pauses Tuesday during a news
        // conference …", "Isaac Arellano holds a candle … Tuesday in Price, Utah."). Reporting
        // ("said"), quotes and plans ("will", "next") are narrative, not captions.
        return isWholeParagraph && PhotoDescription().IsMatch(trimmed) && !NarrativeMarker().IsMatch(trimmed);
    }

    // A closing quotation mark ends a sentence only after sentence punctuation ("… he said.”);
    // a caption may end with a quoted film title.
    private static bool EndsLikeSentence(string s) =>
        s[^1] is '.' or '!' or '?' or ':' or ';'
        || (s[^1] is '”' or '"' or '’' && s.Length > 1 && s[^2] is '.' or '!' or '?' or ',');

    // The publisher speaking about the article ("Editor's note: In our Behind the Scenes series …"), not a claim.
    [GeneratedRegex(@"^(?:Editor['’]s note|Editors['’] note|Correction|Clarification|Disclosure)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex PublisherNote();

    // Web furniture: "Watch Bush criticize the Iraqi government »", "Click here to …".
    [GeneratedRegex(@"[»›]\s*$|^Click here\b", RegexOptions.IgnoreCase)]
    private static partial Regex LinkLine();

    [GeneratedRegex(@"^(?:\p{Lu}[\w.'’-]*\s+){1,6}(?:pause|hold|sing|speak|wave|gesture|arrive|listen|stand|walk|attend|look|pose|smile|talk|sit|leave|greet|shake|hug|pray|march|rall(?:y|ie)|watch|address|deliver|gather|mourn|protest|cheer|wait|carr(?:y|ie)|react|celebrate|embrace|kneel|lay|light|ride|play|sign|inspect|visit|tour|view|kiss|chat|confer|applaud|salute|bow|clap|enter|board|step|join)(?:s|es)?\b(?:\s+[\w,'’-]+){0,12}?\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")]
    private static partial Regex PhotoDescription();

    // "Photo: Goldman Environmental Prize." — a credit line of its own.
    [GeneratedRegex(@"^(?:Photo|Photograph|Picture|Image|Credit|Video)s?\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex CreditLine();

    [GeneratedRegex(@"^(?:\p{Lu}[\w.'’-]*\s+){1,4}with\b[^.;:!?“”""]{1,60}[.!]?$")]
    private static partial Regex NameWith();

    [GeneratedRegex(@"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|may|might|must|shall|should|said|says|\w+ed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FiniteVerb();

    [GeneratedRegex(@"[""“”]|\b(?:said|says|will|would|next)\b")]
    private static partial Regex NarrativeMarker();

    [GeneratedRegex(@"\((?:[^()]*\b(?:via|Photo|Photograph|Picture|Image|Credit|Getty|Reuters|AP|AFP|EPA|PA|Pool|Shutterstock|Alamy)\b[^()]*)\)\s*$")]
    private static partial Regex CreditPattern();
}
