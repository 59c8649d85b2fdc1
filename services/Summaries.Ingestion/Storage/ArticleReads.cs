using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Storage;

/// <summary>Bookkeeping shared by both stores' reads by id.</summary>
internal static class ArticleReads
{
    /// <summary>
    /// When a read by id stopped at its byte budget: how many ids, from the start, it got through
    /// (up to and including the last article returned). Ids after that were not looked at.
    /// </summary>
    public static int ReadThrough(IReadOnlyList<string> ids, IReadOnlyList<Article> returned)
    {
        var last = returned[^1].Id;
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == last)
            {
                return i + 1;
            }
        }

        return ids.Count;
    }
}
