using System.Text.RegularExpressions;

namespace Summaries.Ingestion.Cleaning;

/// <summary>
/// Recognises caption, credit and boilerplate lines. Deliberately conservative: a real sentence that is
/// dropped is lost from the cleaned text, a caption that is kept only costs a little precision in
/// duplicate detection (the original body is always kept).
/// </summary>
public static partial class LineClassifier
{
    // Captions are short; a long line ending in "(Reuters)" is more likely a paragraph.
    private const int MaxCaptionChars = 400;
    private const int MaxMenuItemChars = 40;

    public static LineKind Classify(ReadOnlySpan<char> line)
    {
        var text = line.Trim();
        if (text.IsEmpty || IsInvisible(text))
        {
            return LineKind.Blank;
        }

        if (text.Length <= MaxCaptionChars && IsCaption(text))
        {
            return LineKind.Caption;
        }

        return IsBoilerplate(text) ? LineKind.Boilerplate : LineKind.Text;
    }

    // The cheap tests in front of each pattern only skip lines the pattern cannot match (every line of
    // every article goes through here).
    private static bool IsCaption(ReadOnlySpan<char> line)
    {
        if (line.Length <= MaxShortLineChars && (CaptionPrefix().IsMatch(line) || StandaloneCredit().IsMatch(line)))
        {
            return true;
        }

        if (line[^1] != ')')
        {
            return false;
        }

        // "… in Beijing (Pool via AP)": a trailing credit after text that is not a finished sentence.
        var matches = TrailingCredit().EnumerateMatches(line);
        return matches.MoveNext() && !EndsSentence(line[..matches.Current.Index].TrimEnd());
    }

    private static bool IsBoilerplate(ReadOnlySpan<char> line) =>
        (line.Length <= MaxFurnitureChars && FurnitureLine().IsMatch(line))
        || line.ContainsAny(RightsReserved)
        || (line[0] is '©' or '(' or 'c' or 'C' && Copyright().IsMatch(line))
        || (line.IndexOfAny(ScriptHints) >= 0 && ScriptDebris().IsMatch(line))
        || (line.Length <= MaxShortLineChars && Promotion().IsMatch(line))
        || (line.Contains('|') && IsMenu(line.ToString(), '|'))
        || (line.IndexOfAny('>', '»') >= 0 && IsBreadcrumb(line.ToString()));

    private const int MaxShortLineChars = 200;
    private const int MaxFurnitureChars = 60;
    private static readonly System.Buffers.SearchValues<char> ScriptHints = System.Buffers.SearchValues.Create("<>'");
    private static readonly System.Buffers.SearchValues<string> RightsReserved =
        System.Buffers.SearchValues.Create(["rights reserved"], StringComparison.OrdinalIgnoreCase);

    /// <summary>"Printable version | Send it to a friend | Save story": three or more short items.</summary>
    private static bool IsMenu(string line, char separator)
    {
        var parts = line.Split(separator, StringSplitOptions.TrimEntries);
        return parts.Length >= 3 && parts.All(p => p.Length <= MaxMenuItemChars && !EndsSentence(p));
    }

    /// <summary>"Home > News > UK > Health" or "Subscriptions >".</summary>
    private static bool IsBreadcrumb(string line)
    {
        var parts = line.Split(['>', '»'], StringSplitOptions.TrimEntries);
        return parts.Length >= 2 && line.Length <= 120 && parts.All(p => p.Length <= MaxMenuItemChars && !EndsSentence(p))
            && (parts.Length >= 3 || parts[^1].Length == 0);
    }

    private static bool EndsSentence(ReadOnlySpan<char> text) =>
        !text.IsEmpty && text[^1] is '.' or '!' or '?' or '"' or '”' or '’' or ':' or ';';

    private static bool IsInvisible(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!TextCleaner.IsRemovedFormatChar(c) && !char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"\((?<credit>(?:[^()]{0,60}\b(?:via|photo|photograph|pictures?|images?|credit|pool|file|handout)\b[^()]{0,60})|(?:AP|AFP|Reuters|EPA|PA|Getty|Xinhua|Bloomberg|Shutterstock|Alamy|dpa|ANP|Anadolu|SIPA)(?:\s*/[^()]{1,60})?)\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingCredit();

    [GeneratedRegex(@"^(?:image caption|image source|media caption|caption|photo|photograph|picture|pictured|credit|photo credit|image)\s*[:,]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionPrefix();

    [GeneratedRegex(@"^\(?(?:(?:AP|AFP|Reuters|EPA|PA)\s+Photo(?:\s*/.*)?|Getty Images|(?:AP|AFP|Reuters|EPA|Pool)\s+via\s+.{1,40}|Photo:.*|Image:.*)\)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StandaloneCredit();

    [GeneratedRegex(@"^(?:advertisement|advert|sponsored(?: content)?|ad|play video|watch video|video|source|share|share this(?: article| story)?|print|print this(?: article| page)?|email|email this(?: article| story)?|comments?|read more|related(?: stories| articles| links| content)?|more on this story|most (?:popular|read|viewed)|top stories|skip to(?: main)? content|subscribe|subscriptions|sign in|log in|loading|loading top headlines|continue reading|story continues(?: below)?(?: advertisement)?|back to top|printable version|send it to a friend|save story)\W{0,3}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurnitureLine();

    [GeneratedRegex(@"^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Copyright();

    [GeneratedRegex(@"//\s*-->|<!--|^'\);|^\s*<\/?(?:script|div|span|p)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptDebris();

    [GeneratedRegex(@"^(?:(?:sign up|subscribe)\b.{0,80}\b(?:newsletter|e-?mail|updates|alerts)\b|follow (?:us|\w+) on (?:twitter|facebook|instagram|x|linkedin|tiktok)\b|click here\b|(?:read|see) (?:more|also)\s*:|related\s*:)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Promotion();
}
