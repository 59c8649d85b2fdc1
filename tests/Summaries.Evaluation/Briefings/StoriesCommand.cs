using System.Globalization;
using System.Text.Json;
using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Sources;
using Summaries.Summary.Stories;

namespace Summaries.Evaluation.Briefings;

/// <summary>
/// <c>stories</c>: one multi-article briefing per WikinewsSum event (dev_clusters.jsonl lists each
/// event's articles, dev_articles.jsonl holds their text): how many sources each briefing cites,
/// how many parties quoted in their own words get a position section (all must), and how many
/// of all parties, including those only paraphrased, do (as the length allows). With
/// <c>--grouped on</c>, the groups briefed are the stories ListStories' grouping finds instead.
/// </summary>
internal static class StoriesCommand
{
    public static int Run(CommandLine command, TextWriter output)
    {
        var clustersPath = command.RequiredPositional(0, "<clusters-jsonl>");
        var articlesPath = command.RequiredPositional(1, "<articles-jsonl>");
        var length = BriefingPipeline.ParseLength(command.Option("length") ?? "medium");
        var pipeline = new BriefingPipeline();

        int events = 0, sources = 0, sourcesCited = 0, parties = 0, partiesHeard = 0, direct = 0, directHeard = 0, sentences = 0, loaded = 0;
        foreach (var (label, docs) in Groups(command, clustersPath, articlesPath, pipeline))
        {
            var sheet = pipeline.Sheet(docs);
            var draft = pipeline.Write(sheet, length);
            var cited = draft.Sections.SelectMany(s => s.Sentences).SelectMany(s => s.FactIds)
                .Select(id => sheet.FindFact(id)?.ArticleName).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var quoted = sheet.Quotes.Select(q => q.SpeakerKey).ToHashSet(StringComparer.Ordinal);
            var quotedDirectly = sheet.Quotes.Where(q => q.Direct).Select(q => q.SpeakerKey).ToHashSet(StringComparer.Ordinal);
            var heard = draft.Sections.Where(s => s.Kind == SectionKind.Position).Select(s => s.PartyKey).OfType<string>().ToHashSet(StringComparer.Ordinal);

            events++;
            sources += docs.Count;
            sourcesCited += cited.Count;
            parties += quoted.Count;
            partiesHeard += quoted.Count(heard.Contains);
            direct += quotedDirectly.Count;
            directHeard += quotedDirectly.Count(heard.Contains);
            sentences += draft.SentenceCount;
            loaded += draft.Sections.SelectMany(s => s.Sentences).Sum(s => pipeline.Lexicon.FindOutsideQuotes(s.Text).Count);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label,-22} sources {cited.Count}/{docs.Count} cited, quoted parties {quotedDirectly.Count(heard.Contains)}/{quotedDirectly.Count} heard, all parties incl. paraphrased {quoted.Count(heard.Contains)}/{quoted.Count}, {draft.SentenceCount} sentences"));
            foreach (var missing in quotedDirectly.Where(k => !heard.Contains(k)))
            {
                output.WriteLine($"  not heard (quoted in its own words): {sheet.FindEntity(missing)?.DisplayName ?? missing}: " +
                    string.Join(" | ", sheet.Quotes.Where(q => q.SpeakerKey == missing && q.Direct).Select(q => sheet.FindFact(q.FactId)?.Text)));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"events: {events}, briefing sentences: {sentences}, loaded words outside quotes: {loaded}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stories source_coverage={Ratio(sourcesCited, sources):F3} quoted_party_coverage={Ratio(directHeard, direct):F3} all_party_coverage={Ratio(partiesHeard, parties):F3}"));
        return 0;
    }

    /// <summary>
    /// The article groups to brief: each gold event, or with <c>--grouped on</c> the stories that
    /// ListStories' grouping makes of all the articles mixed together (as a user would brief them).
    /// </summary>
    private static IEnumerable<(string Label, List<SourceDocument> Docs)> Groups(
        CommandLine command, string clustersPath, string articlesPath, BriefingPipeline pipeline)
    {
        if (command.Option("grouped") is not null)
        {
            var corpus = StoryCorpus.Load(clustersPath, articlesPath, pipeline);
            var source = corpus.ToDictionary(a => a.Candidate.ArticleName, a => a.Source, StringComparer.Ordinal);
            foreach (var story in new StoryGrouper(new StoryOptions()).Group(corpus.Select(a => a.Candidate).ToList()))
            {
                yield return (string.Join("+", story.Members.Select(m => m.ArticleId.Replace("wikinewssum-en-", "", StringComparison.Ordinal)).Take(3))
                    + (story.Members.Count > 3 ? "+…" : ""), story.Members.Select(m => source[m.ArticleName]).ToList());
            }

            yield break;
        }

        var articles = File.ReadLines(articlesPath).Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("id").GetString()!, StringComparer.Ordinal);
        foreach (var line in File.ReadLines(clustersPath).Where(l => l.Trim().Length > 0))
        {
            using var cluster = JsonDocument.Parse(line);
            var ids = cluster.RootElement.GetProperty("articles").EnumerateArray()
                .Select(a => a.ValueKind == JsonValueKind.String ? a.GetString()! : a.GetProperty("id").GetString()!)
                .Where(articles.ContainsKey)
                .ToList();
            yield return (cluster.RootElement.GetProperty("id").GetString()!, ids.Select((id, i) => pipeline.Source($"articles/{i}",
                articles[id].GetProperty("title").GetString() ?? string.Empty, articles[id].GetProperty("text").GetString()!)).ToList());
        }
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
}
