using Summaries.Summary.Briefings;

namespace Summaries.Summary.Storage;

/// <summary>Turns the rows a store read (one more than the page, to learn whether more follow) into a page.</summary>
internal static class BriefingPages
{
    public static BriefingPage From(List<(long Seq, Briefing Briefing)> rows, int pageSize)
    {
        var page = rows.Take(pageSize).ToList();
        return new BriefingPage(page.Select(r => r.Briefing).ToList(), rows.Count > pageSize ? page[^1].Seq : null);
    }
}
