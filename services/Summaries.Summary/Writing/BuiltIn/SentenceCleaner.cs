using System.Text.RegularExpressions;
using Summaries.Summary.Neutrality;

namespace Summaries.Summary.Writing.BuiltIn;

/// <summary>
/// Takes what the page left in a source sentence out of the briefing sentence written from it:
/// datelines, bylines, a headline run into the first sentence, page furniture (menus, "Advertisement",
/// link lists after a company's name), the reporter's own first person, and untidy punctuation.
/// Only the writer's part is touched: words inside quotation marks stay verbatim, and a lead is cut
/// only before the first quotation mark, so what is left is a part of the source sentence and still
/// rests on it.
/// </summary>
public static partial class SentenceCleaner
{
    // A lead cut away must leave a sentence, not a fragment ("By Jane Doe | Home").
    private const int MinWordsLeft = 4;

    /// <summary>The cleaned sentence, or null when nothing of it can stand in a briefing (a menu, a credit line).</summary>
    public static string? Clean(string text)
    {
        var cleaned = LinkList().Replace(StripLeads(text.Trim()), string.Empty);
        if (IsMenu(cleaned))
        {
            return null;
        }

        var plain = WithoutReporter(cleaned);
        return plain is null ? null : Tidy(plain);
    }

    /// <summary>Cuts datelines, bylines, headlines and furniture off the start, one after another.</summary>
    internal static string StripLeads(string text)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var lead in Leads)
            {
                var match = lead().Match(text);
                if (!match.Success || match.Length == 0 || match.Length >= text.Length)
                {
                    continue;
                }

                var rest = text[match.Length..].TrimStart();
                if (CutsAQuote(text, match.Length) || WordCount(rest) < MinWordsLeft)
                {
                    continue;
                }

                text = rest;
                changed = true;
            }
        }

        return text;
    }

    private static readonly Func<Regex>[] Leads =
    [
        AgencyDateline, PlaceDateline, BareAgency, Stamp, Byline, NamedByline, HeadlineThenByline,
        HeadlineThenRating, NavigationRun, Furniture, SectionLabel, ListIntro, Bullet, HeadlineRunIn,
    ];

    private static bool CutsAQuote(string text, int end) =>
        QuoteRegions.Find(text).Any(r => r.Start < end) || SingleQuoteOpen().IsMatch(text[..end]);

    private static int WordCount(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    // A menu or breadcrumb trail ("Home > World > Europe", "Share | Email | Print") is no sentence at all.
    private static bool IsMenu(string text)
    {
        if (Credit().IsMatch(text) || MediaLink().IsMatch(text))
        {
            return true;
        }

        var regions = QuoteRegions.Find(text);
        return MenuSeparator().Matches(text)
            .Where(m => !QuoteRegions.IsInside(regions, m.Index, m.Index + m.Length))
            .GroupBy(m => m.Value.Trim())
            .Any(g => g.Count() >= 2 || g.Key == "::");
    }

    // Pieces of the lead patterns below. A name word is capitalised and not a month or weekday.
    private const string Month = @"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
    private const string Weekday = @"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day";
    private const string Date = @"(?:" + Weekday + @",?\s+)?" + Month + @"\s+\d{1,2}(?:,?\s+\d{4})?";
    private const string Dash = @"(?:--|—|–|-)";
    private const string Agency = @"\([^()""“”]{1,30}\)";
    private const string CapsPlace = @"\p{Lu}{2,}[\p{Lu}.'’-]*(?:\s+\p{Lu}{2,}[\p{Lu}.'’-]*){0,2}";
    private const string Place = @"\p{Lu}[\p{Ll}.'’-]+(?:\s+\p{Lu}[\p{Ll}.'’-]+){0,2}";
    private const string NameWord = @"(?!" + Month + @"\b|" + Weekday + @"\b)\p{Lu}[\p{Ll}'’-]+(?:\p{Lu}[\p{Ll}'’-]+)?";
    // "Jane Doe", "Jane Q. DeSmith": two names at most, since the sentence's first words may be names too.
    private const string Name = NameWord + @"\s+(?:\p{Lu}\.\s+)?" + NameWord;
    private const string Outlet =
        @"(?:\p{Lu}{2,}[\p{Lu}&.]*(?:\s+\p{Lu}{2,}[\p{Lu}&.]*)*" +
        @"|(?:\p{Lu}[\p{L}&.]*\s+){0,3}(?:News|Service|Press|Times|Post|Journal|Herald|Tribune|Agency|Writer|Correspondent|Reporter|Editor)" +
        @"|Reuters|Bloomberg)";
    private const string BylineBody = @"By\s+" + Name + @"(?:,\s*" + Outlet + @")?(?:,?\s+" + Date + @")?\s*(?:\||" + Dash + @")?\s+(?=[\p{Lu}""“])";

    // "LONDON, Nov 16 (Reuters) - ", "WASHINGTON (AP) — ", "COLUMBUS, Georgia -- ", "NEW YORK (CNN) The ..."
    [GeneratedRegex(@"^" + CapsPlace + @"(?:,\s*" + Place + @")?(?:,\s*" + Date + @")?(?:\s*" + Dash + @"\s+|\s*" + Agency + @"\s*(?:" + Dash + @"\s+|(?=\p{Lu})))")]
    private static partial Regex AgencyDateline();

    // "Santiago, Chile, Jan. 5 (UPI) -- ", "Geneva, March 3 - ", "Lagos (AFP) - "
    [GeneratedRegex(@"^" + Place + @"(?:,\s*" + Place + @")*(?:,\s*" + Date + @"(?:\s*" + Agency + @")?|\s*" + Agency + @")\s*" + Dash + @"\s+")]
    private static partial Regex PlaceDateline();

    // "(CNN) -- "
    [GeneratedRegex(@"^" + Agency + @"\s*" + Dash + @"\s+")]
    private static partial Regex BareAgency();

    // A date or time stamp: "26.11.2004 16:43 ", "Dec. 8, 2004 | "
    [GeneratedRegex(@"^(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:\s+\d{1,2}:\d{2})?\s+|" + Date + @"\s*(?:\||" + Dash + @")\s+)")]
    private static partial Regex Stamp();

    // "By Jane Doe, CITY PRESS Oct. 3, 2004 | ", "By Jane Doe, Staff Writer "
    [GeneratedRegex(@"^" + BylineBody)]
    private static partial Regex Byline();

    // A byline without "By", known by the date after it: "Jane Doe, Example News Service Friday, May 06, 2005 "
    [GeneratedRegex(@"^" + Name + @",\s*" + Outlet + @"\s+" + Date + @"\s+(?=[\p{Lu}""“])")]
    private static partial Regex NamedByline();

    // The headline the page put above its byline: "Council backs new park plan By Jane Doe, CITY PRESS The ..."
    [GeneratedRegex(@"^[^""“”‘’.!?]{8,200}?\s+" + BylineBody)]
    private static partial Regex HeadlineThenByline();

    // "New park opens Current rating: 4 Over 300 people came ..."
    [GeneratedRegex(@"^[^""“”]{0,200}?Current rating:\s*[\d.]+\s+")]
    private static partial Regex HeadlineThenRating();

    // "<< Previous | Next >> ", with whatever stamp stood before it.
    [GeneratedRegex(@"^[^""“”]{0,80}?<<\s*Previous\s*\|\s*Next\s*>>\s*")]
    private static partial Regex NavigationRun();

    // The page's word to its reader, run into the sentence after it when the page became text.
    [GeneratedRegex(@"^(?:Advertisement|ADVERTISEMENT|Sponsored|Story highlights|STORY HIGHLIGHTS|Scroll down for (?:the )?videos?)\s+(?=[\p{Lu}""“])", RegexOptions.IgnoreCase)]
    private static partial Regex Furniture();

    // A section's name above the story: "WORLD The ...", "VIEWPOINT/MEDIA As ..."
    [GeneratedRegex(@"^(?:WORLD|NATIONAL|INTERNATIONAL|LOCAL|POLITICS|BUSINESS|ECONOMY|MARKETS|FINANCE|MONEY|TECHNOLOGY|TECH|SCIENCE|HEALTH|EDUCATION|ENVIRONMENT|SPORTS?|ENTERTAINMENT|CULTURE|ARTS|TRAVEL|LIFESTYLE|OPINION|VIEWPOINT|EDITORIAL|COMMENTARY|ANALYSIS|MEDIA|BROADCASTING|LABOU?R|NEWS|UPDATE|EXCLUSIVE|BREAKING(?: NEWS)?)(?:/\p{Lu}{3,})*\s+(?=\p{Lu}\p{Ll})")]
    private static partial Regex SectionLabel();

    // The start of a list run into its first item: "Here are the latest: - The ..."
    [GeneratedRegex(@"^[^""“”‘’]{0,150}?:\s+(?:-|–|—|•)\s+(?=\p{Lu})")]
    private static partial Regex ListIntro();

    // A list item's mark or a dash left from a dateline: "- The ...", "-- Former ..."
    [GeneratedRegex(@"^(?:" + Dash + @"|•|\*)\s*(?=[\p{Lu}""“])")]
    private static partial Regex Bullet();

    // A headline run into the sentence below it: the sentence opens with a capital after a lower-case
    // word, where no sentence would ("Town votes to keep its ferry The council on Monday ...").
    [GeneratedRegex(@"^[^""“”‘’.!?;]{10,160}?[\p{Ll}\d%]\s+(?=(?:The|In|On|At|As|When|After|While|This|Its|Their|His|Her)\s+\p{Ll})")]
    private static partial Regex HeadlineRunIn();

    // Link lists a page put after a name: "Contoso (Profile, Products, Articles) Corp."
    [GeneratedRegex(@"\s*\((?:Profile|Products|Articles|Overview|Company|News|Quotes?|Charts?|Stock|Web ?site|Videos?|Photos|Contact)(?:,\s*(?:Profile|Products|Articles|Overview|Company|News|Quotes?|Charts?|Stock|Web ?site|Videos?|Photos|Contact))+\)")]
    private static partial Regex LinkList();

    // Who wrote or photographed the page: "Reporting by ...", "Stories by ...", "Photos by ...".
    [GeneratedRegex(@"^(?:Additional )?(?:Reporting|Writing|Editing|Stories|Story|Photos?|Pictures?|Images?|Compiled|Produced) by\b", RegexOptions.IgnoreCase)]
    private static partial Regex Credit();

    // A player's links: "[RealAudio]", "[mp3]", "[PDF]".
    [GeneratedRegex(@"\[(?:RealAudio|Real Audio|mp3|MP3|PDF|pdf|Video|video|Audio|audio|Podcast|podcast)\]")]
    private static partial Regex MediaLink();

    [GeneratedRegex(@"\s(?:\||>|::)\s")]
    private static partial Regex MenuSeparator();

    // A single quotation mark that opens a quote: after a space or the start, before a letter.
    [GeneratedRegex(@"(?:^|\s)[‘'](?=\p{L})")]
    private static partial Regex SingleQuoteOpen();
}
