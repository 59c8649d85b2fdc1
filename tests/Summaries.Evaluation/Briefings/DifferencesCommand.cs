using System.Globalization;
using System.Text.Json;
using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Sources;
using Summaries.Summary.Support;
using Summaries.Summary.Writing;
using Summaries.Summary.Writing.BuiltIn;

namespace Summaries.Evaluation.Briefings;

/// <summary>
/// <c>differences</c>: for each WikinewsSum event, the points on which its sources differ
/// (<see cref="SourceDifferences"/>), every pair once, for a person to judge; which of them a
/// briefing's what-happened sentences would show (<see cref="SourceVersions"/>); and whether the
/// verifier passes each attributed version. Articles carry their URL's host as their source.
/// </summary>
internal static class DifferencesCommand
{
    public static int Run(CommandLine command, TextWriter output)
    {
        var clustersPath = command.RequiredPositional(0, "<clusters-jsonl>");
        var articlesPath = command.RequiredPositional(1, "<articles-jsonl>");
        var length = BriefingPipeline.ParseLength(command.Option("length") ?? "medium");
        var pipeline = new BriefingPipeline();
        var support = new SheetSupport(SupportChecker.LoadDefault(), pipeline.Lexicon);
        var articles = File.ReadLines(articlesPath).Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("id").GetString()!, StringComparer.Ordinal);

        int events = 0, facts = 0, pairs = 0, eventsWithPairs = 0, leadFacts = 0, leadFiring = 0, versions = 0, versionsRejected = 0;
        var seconds = 0.0;
        foreach (var line in File.ReadLines(clustersPath).Where(l => l.Trim().Length > 0))
        {
            using var cluster = JsonDocument.Parse(line);
            var id = cluster.RootElement.GetProperty("id").GetString()!;
            var docs = cluster.RootElement.GetProperty("articles").EnumerateArray()
                .Select(a => a.ValueKind == JsonValueKind.String ? a.GetString()! : a.GetProperty("id").GetString()!)
                .Where(articles.ContainsKey)
                .Select(a => Source(pipeline, a, articles[a]))
                .ToList();
            var sheet = pipeline.Sheet(docs);
            var differences = new SourceDifferences(sheet, support);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var found = new List<(string Mine, string Theirs, SourceDifference D)>();
            var seen = new HashSet<(string, string)>();
            foreach (var fact in sheet.Facts.Where(f => f.Kind == Summaries.Summary.Facts.FactKind.Narrative))
            {
                facts++;
                foreach (var d in differences.Find(fact))
                {
                    if (seen.Add((fact.Id, d.Other.Id)) && seen.Add((d.Other.Id, fact.Id)))
                    {
                        found.Add((fact.Id, d.Other.Id, d));
                    }
                }
            }

            seconds += System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (command.Option("near") is { } near)
            {
                // For judging recall: alike pairs of sentences of two sources and the support check's verdict on them.
                Near(output, sheet, support, double.Parse(near, CultureInfo.InvariantCulture));
            }

            events++;
            pairs += found.Count;
            eventsWithPairs += found.Count > 0 ? 1 : 0;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{id}: {docs.Count} sources, {sheet.Facts.Count} facts, {found.Count} differing pairs"));
            foreach (var (mine, theirs, d) in found)
            {
                output.WriteLine($"  [{d.Kind} '{d.Mine}' / '{d.Theirs}'] {mine}: {sheet.FindFact(mine)!.Text}");
                output.WriteLine($"      {theirs}: {d.Other.Text}");
            }

            var attributed = new SourceVersions(sheet, support, new SentenceRenderer(new Summaries.Summary.Neutrality.Neutralizer(pipeline.Lexicon)));
            foreach (var mine in found.Select(p => p.Mine).Distinct(StringComparer.Ordinal))
            {
                foreach (var version in attributed.Versions(sheet.FindFact(mine)!))
                {
                    var problem = pipeline.Verifier.Check(version, sheet);
                    output.WriteLine($"    as written: {version.Text} [{string.Join(", ", version.FactIds)}]{(problem is null ? "" : " REJECTED: " + problem)}");
                }
            }

            // What a briefing would show: the what-happened sentences the engine writes, each replaced by its versions.
            var draft = pipeline.Write(sheet, length);
            foreach (var sentence in draft.Sections.Where(s => s.Kind == DraftSectionKind.WhatHappened).SelectMany(s => s.Sentences))
            {
                leadFacts++;
                var written = attributed.Versions(sheet.FindFact(sentence.FactIds[0])!);
                if (written.Count == 0)
                {
                    continue;
                }

                leadFiring++;
                output.WriteLine($"  briefing, what happened: {sentence.Text}");
                foreach (var version in written)
                {
                    versions++;
                    var problem = pipeline.Verifier.Check(version, sheet);
                    versionsRejected += problem is null ? 0 : 1;
                    output.WriteLine($"    -> {version.Text} [{string.Join(", ", version.FactIds)}]{(problem is null ? "" : " REJECTED: " + problem)}");
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"differences events={events} facts={facts} pairs={pairs} events_with_pairs={eventsWithPairs} what_happened_firing={leadFiring}/{leadFacts} versions={versions} rejected={versionsRejected} find_ms_per_fact={1000 * seconds / Math.Max(1, facts):F2}"));
        return 0;
    }

    private static void Near(TextWriter output, Summaries.Summary.Facts.FactSheet sheet, SheetSupport support, double threshold)
    {
        var narrative = sheet.Facts.Where(f => f.Kind == Summaries.Summary.Facts.FactKind.Narrative).ToList();
        var words = narrative.ToDictionary(f => f.Id, f => f.Text.ToLower(CultureInfo.InvariantCulture)
            .Split([' ', ',', '.', '"', '(', ')', ';', ':'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2).ToHashSet(), StringComparer.Ordinal);
        for (var i = 0; i < narrative.Count; i++)
        {
            for (var j = i + 1; j < narrative.Count; j++)
            {
                var (a, b) = (narrative[i], narrative[j]);
                if (a.ArticleName == b.ArticleName)
                {
                    continue;
                }

                var overlap = words[a.Id].Count(words[b.Id].Contains);
                var jaccard = (double)overlap / Math.Max(1, words[a.Id].Count + words[b.Id].Count - overlap);
                if (jaccard < threshold)
                {
                    continue;
                }

                var verdict = support.Check(a.Text, [b], sheet, core: true);
                var why = verdict.Failure is { } f ? $"{f.Kind} '{f.Part}'" : "agree";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  near {jaccard:F2} {why}: {a.Id}: {a.Text}"));
                output.WriteLine($"      {b.Id}: {b.Text}");
            }
        }
    }

    private static SourceDocument Source(BriefingPipeline pipeline, string id, JsonElement article)
    {
        return pipeline.Source("articles/" + id, article.GetProperty("title").GetString() ?? string.Empty,
            article.GetProperty("text").GetString()!, StoryCorpus.Outlet(article), registered: true);
    }
}
