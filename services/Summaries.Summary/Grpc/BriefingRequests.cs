using Google.Protobuf.WellKnownTypes;
using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Filtering;
using Summaries.ServiceDefaults.Naming;
using Summaries.ServiceDefaults.Paging;
using Summaries.Summary.Briefings;
using Wire = Summaries.Contracts.Summary.V1;

namespace Summaries.Summary.Grpc;

/// <summary>A ListBriefings request read: the page size, where the page starts, the article filter, and what the next token binds.</summary>
public sealed record BriefingListQuery(int PageSize, long? Before, string? ArticleName, PageBinding Binding);

/// <summary>
/// The briefing requests as domain requests: the scope fields and options of CreateBriefing and
/// StreamBriefing (checked further by <see cref="BriefingRequestValidator"/>), briefing names, and
/// ListBriefings' page size, token and filter, every problem reported at once under its field.
/// </summary>
public static class BriefingRequests
{
    private static readonly FilterSchema ListFilter = new(
        FilterField.ResourceName("article", ResourceNames.Articles) with { Repeatable = false });

    public static BriefingRequest Create(IReadOnlyList<string> names, string entity, Timestamp? start, Timestamp? end, string story, Wire.BriefingOptions? options) =>
        new(BriefingScopes.From(names, entity, start, end, story), BriefingMapper.ToDomain(options));

    /// <summary>The briefing id in a <c>briefings/{id}</c> name.</summary>
    public static string ParseName(string? name, string field = "name") => ResourceNames.Briefings.Parse(name, field);

    public static BriefingListQuery ParseList(Wire.ListBriefingsRequest request)
    {
        var problems = new FieldProblems();
        var size = problems.Check(() => PageTokens.Size(request.PageSize));
        var binding = PageBinding.Of(("filter", request.Filter));
        var before = problems.Check(() => PageTokens.Decode(request.PageToken, binding));
        var article = problems.Check(() => ParseFilter(request.Filter));
        problems.ThrowIfAny();
        return new BriefingListQuery(size, before, article, binding);
    }

    /// <summary>
    /// The article a ListBriefings filter names (<c>article = "articles/{id}"</c>, once), or null for
    /// no filter; read in the grammar every List method shares.
    /// </summary>
    public static string? ParseFilter(string? filter) =>
        ListFilter.Parse(filter) is [var article] ? article.Text : null;
}
