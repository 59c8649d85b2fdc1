using System.Globalization;
using System.Text.Json;
using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Balance;
using Summaries.Summary.Sources;
using Summaries.Summary.Stories;
using Summaries.Summary.Writing;

namespace Summaries.Evaluation.Briefings;

/// <summary>
/// <c>stories</c>: one multi-article briefing per WikinewsSum event (dev_clusters.jsonl lists each
/// event's articles, dev_articles.jsonl holds their text), written and verified as the service
/// serves it: sentences against the length's budget, sources cited, parties shown and left out of
/// the text, the measures of <see cref="StoryMetrics"/>, and ROUGE against the event's Wikinews
/// article as a loose reference. With <c>--grouped on</c> (or <c>--distractors</c>, unrelated news
/// mixed in), the groups briefed are the stories ListStories' grouping finds that hold a Wikinews source.
/// </summary>
internal static class StoriesCommand
{
    public static int Run(CommandLine command, TextWriter output)
    {
        var clustersPath = command.RequiredPositional(0, "<clusters-jsonl>");
        var articlesPath = command.RequiredPositional(1, "<articles-jsonl>");
        var length = BriefingPipeline.ParseLength(command.Option("length") ?? "medium");
        var show = command.Option("show") is not null;
        var budget = WritingRequest.For(length).TargetSentences;
        var pipeline = new BriefingPipeline();
        var balance = new BalanceReporter(pipeline.Lexicon);

        int events = 0, sources = 0, sourcesCited = 0, parties = 0, partiesHeard = 0, direct = 0, directHeard = 0, sentences = 0, loaded = 0;
        int withinBudget = 0, partyErrors = 0, duplicates = 0, redundant = 0, mainVoices = 0, mainHeard = 0, shown = 0, leftOut = 0, balanced = 0;
        var rouge = new List<Rouge.Scores>();
        foreach (var (label, docs, reference) in Groups(command, clustersPath, articlesPath, pipeline))
        {
            var sheet = pipeline.Sheet(docs);
            // As the service serves it: written, then verified.
            var (draft, _) = pipeline.Verifier.Keep(pipeline.Write(sheet, length), sheet);
            var cited = draft.Sections.SelectMany(s => s.Sentences).SelectMany(s => s.FactIds)
                .Select(id => sheet.FindFact(id)?.ArticleName).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var quoted = sheet.Quotes.Select(q => q.SpeakerKey).ToHashSet(StringComparer.Ordinal);
            var quotedDirectly = sheet.Quotes.Where(q => q.Direct).Select(q => q.SpeakerKey).ToHashSet(StringComparer.Ordinal);
            var heard = draft.Sections.Where(s => s.Kind == DraftSectionKind.Position).Select(s => s.PartyKey).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var metrics = StoryMetrics.Of(draft, sheet, balance.Report(draft, sheet), budget);
            var text = string.Join(" ", draft.Sections.SelectMany(s => s.Sentences).Select(s => s.Text));
            if (reference.Length > 0)
            {
                rouge.Add(Rouge.Score(text, reference));
            }

            events++;
            sources += docs.Count;
            sourcesCited += cited.Count;
            parties += quoted.Count;
            partiesHeard += quoted.Count(heard.Contains);
            direct += quotedDirectly.Count;
            directHeard += quotedDirectly.Count(heard.Contains);
            sentences += draft.SentenceCount;
            loaded += draft.Sections.SelectMany(s => s.Sentences).Sum(s => pipeline.Lexicon.FindOutsideQuotes(s.Text).Count);
            withinBudget += metrics.WithinBudget ? 1 : 0;
            partyErrors += metrics.PartyErrors.Count;
            duplicates += metrics.DuplicatePersons.Count;
            redundant += metrics.RedundantPairs.Count;
            mainVoices += metrics.MainVoices.Count;
            mainHeard += metrics.MainVoices.Count - metrics.MainVoicesUnheard.Count;
            shown += metrics.Shown.Count;
            leftOut += metrics.LeftOut.Count;
            balanced += metrics.AllPartiesInBalance ? 1 : 0;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{metrics.Line(label)}, sources {cited.Count}/{docs.Count} cited"));
            foreach (var error in metrics.PartyErrors)
            {
                output.WriteLine($"  party error: {error.Party} (speaker: {error.SpeakerText}): {error.Sentence}");
            }

            foreach (var (a, b) in metrics.DuplicatePersons)
            {
                output.WriteLine($"  duplicate person: {a} / {b}");
            }

            foreach (var (a, b) in metrics.RedundantPairs)
            {
                output.WriteLine($"  redundant: {a} | {b}");
            }

            foreach (var voice in metrics.MainVoicesUnheard)
            {
                output.WriteLine($"  main voice not heard: {voice}");
            }

            if (show)
            {
                output.WriteLine($"  # {draft.Headline}");
                foreach (var section in draft.Sections)
                {
                    output.WriteLine($"  ## {section.Title}");
                    foreach (var sentence in section.Sentences)
                    {
                        var speaker = sentence.SpeakerKey is null ? "" : " speaker: " + string.Join(" / ", sentence.FactIds.SelectMany(sheet.QuotesIn)
                            .Where(q => q.SpeakerKey == sentence.SpeakerKey).Select(q => q.SpeakerText).Distinct(StringComparer.Ordinal));
                        output.WriteLine($"    - {sentence.Text} [{string.Join(", ", sentence.FactIds)}]{speaker}");
                    }
                }

                output.WriteLine($"  left out of the text: {string.Join("; ", metrics.LeftOut)}");
                output.WriteLine("  salience: " + string.Join("; ", PartySalience.Rank(sheet).Select(p =>
                    string.Create(CultureInfo.InvariantCulture, $"{p.Entity.DisplayName} {p.Score:F2}{(p.Side == p.Entity.Key ? "" : " side " + p.Side)}"))));
            }
        }

        var mean = rouge.Count == 0 ? new Rouge.Scores(0, 0, 0)
            : new Rouge.Scores(rouge.Average(r => r.R1), rouge.Average(r => r.R2), rouge.Average(r => r.RL));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"events: {events}, briefing sentences: {sentences} (budget {budget} each), parties shown {shown}, left out of the text {leftOut} (all listed in the balance report: {balanced}/{events}), main voices heard {mainHeard}/{mainVoices}, loaded words outside quotes: {loaded}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ROUGE against the Wikinews article (a loose reference): R1 {mean.R1:F3} R2 {mean.R2:F3} RL {mean.RL:F3} over {rouge.Count} events"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stories source_coverage={Ratio(sourcesCited, sources):F3} quoted_party_coverage={Ratio(directHeard, direct):F3} all_party_coverage={Ratio(partiesHeard, parties):F3} main_voices_heard={Ratio(mainHeard, mainVoices):F3} budget_ok={withinBudget}/{events} party_errors={partyErrors} duplicate_parties={duplicates} redundant_pairs={redundant}"));
        return 0;
    }

    /// <summary>
    /// The article groups to brief: each gold event, or with <c>--grouped on</c> the stories that
    /// ListStories' grouping makes of all the articles mixed together (as a user would brief them).
    /// </summary>
    private static IEnumerable<(string Label, List<SourceDocument> Docs, string Reference)> Groups(
        CommandLine command, string clustersPath, string articlesPath, BriefingPipeline pipeline)
    {
        var references = File.ReadLines(clustersPath).Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("wikinews_article_plain_noisy").GetString() ?? string.Empty, StringComparer.Ordinal);
        if (command.Option("grouped") is not null || command.Options("distractors").Count > 0)
        {
            var corpus = StoryCorpus.Load(clustersPath, articlesPath, pipeline);
            corpus.AddRange(StoryCorpus.LoadDistractors(command.Options("distractors"), pipeline));
            var byName = corpus.ToDictionary(a => a.Candidate.ArticleName, StringComparer.Ordinal);
            foreach (var story in new StoryGrouper(new StoryOptions()).Group(corpus.Select(a => a.Candidate).ToList()))
            {
                var members = story.Members.Select(m => byName[m.ArticleName]).ToList();
                // The development stories: those with a Wikinews source; a story of unrelated news alone is not briefed.
                var events = members.Where(m => references.ContainsKey(m.EventId)).GroupBy(m => m.EventId).OrderByDescending(g => g.Count()).ToList();
                if (events.Count == 0)
                {
                    continue;
                }

                var label = string.Join("+", members.Select(m => m.Id.Replace("wikinewssum-en-", "", StringComparison.Ordinal)).Take(3))
                    + (members.Count > 3 ? "+…" : "");
                yield return (label, members.Select(m => m.Source).ToList(), references[events[0].Key]);
            }

            yield break;
        }

        var articles = File.ReadLines(articlesPath).Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("id").GetString()!, StringComparer.Ordinal);
        foreach (var line in File.ReadLines(clustersPath).Where(l => l.Trim().Length > 0))
        {
            using var cluster = JsonDocument.Parse(line);
            var id = cluster.RootElement.GetProperty("id").GetString()!;
            var ids = cluster.RootElement.GetProperty("articles").EnumerateArray()
                .Select(a => a.ValueKind == JsonValueKind.String ? a.GetString()! : a.GetProperty("id").GetString()!)
                .Where(articles.ContainsKey)
                .ToList();
            // As CreateBriefing sees them: entities under their registry names.
            yield return (id, ids.Select(a => pipeline.Source("articles/" + a, articles[a].GetProperty("title").GetString() ?? string.Empty,
                articles[a].GetProperty("text").GetString()!, StoryCorpus.Outlet(articles[a]), registered: true)).ToList(), references[id]);
        }
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
}
