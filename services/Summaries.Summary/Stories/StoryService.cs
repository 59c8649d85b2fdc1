using Microsoft.Extensions.Options;
using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Paging;

namespace Summaries.Summary.Stories;

/// <summary>A page of stories and the token for the next one (empty at the end).</summary>
public sealed record StoryPage(IReadOnlyList<Story> Stories, string NextPageToken);

/// <summary>
/// Lists stories: validates the request, reads the candidate articles, groups them and pages the
/// result. Stories are computed on each call (no stored state), from a bounded candidate set.
/// </summary>
public sealed class StoryService(StoryCandidateSource source, IOptions<StoryOptions> options, TimeProvider time)
{
    public async Task<StoryPage> ListAsync(
        int pageSize, string pageToken, string filter, DateTimeOffset? from, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        var problems = new FieldProblems();
        var size = problems.Check(() => PageTokens.Size(pageSize));
        var parsed = problems.Check(() => StoryFilter.Parse(filter));
        if (from is { } start && until is { } end && end <= start)
        {
            problems.Add("end_time", "must be after start_time");
        }

        var binding = StoryPageToken.Binding(filter, from, until);
        var position = problems.Check(() => StoryPageToken.Decode(pageToken, binding));
        problems.ThrowIfAny();

        var asOf = position?.AsOf ?? time.GetUtcNow();
        var candidates = await source.RecentAsync(from, until, asOf, cancellationToken);
        var stories = new StoryGrouper(options.Value).Group(candidates).Where(parsed!.Matches).ToList();
        var offset = position?.Offset ?? 0;
        var page = stories.Skip(offset).Take(size).ToList();
        var next = offset + page.Count < stories.Count ? new StoryPageToken(offset + page.Count, asOf).Encode(binding) : string.Empty;
        return new StoryPage(page, next);
    }
}
