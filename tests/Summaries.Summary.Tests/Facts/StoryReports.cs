using System.Globalization;
using Summaries.Contracts.Entity.V1;
using Summaries.Summary.Clients;
using Summaries.Summary.Sources;

namespace Summaries.Summary.Tests.Facts;

/// <summary>
/// Several outlets' reports of one made-up event, annotated as the entity service would: each
/// report opens with what happened and then quotes some of the event's speakers in their own
/// words. Speaker <c>p</c> is quoted by the reports <c>r</c> with <c>r % (p + 1) == 0</c>, so the
/// first speakers are quoted widely and the last by one report only.
/// </summary>
public static class StoryReports
{
    private static readonly string[] Names =
    [
        "Ana Ruiz", "Tom Berg", "Lena Holt", "Omar Said", "Ida Frost", "Piet Kaan", "Mia Stone", "Raul Vega", "Eva Lind", "Jon Moss", "Kai Roth", "Uma Dale",
    ];

    private static readonly string[] Leads =
    [
        "Flooding closed the main bridge of Northport on Monday after three days of rain.",
        "Engineers began repairs on the flooded Northport bridge while traffic was diverted to the ferry.",
        "Residents of Northport queued for sandbags as the river kept rising near the old town.",
        "The regional council voted to fund new flood walls along the Northport river front.",
        "Schools in the lower districts of Northport stayed closed because of the water.",
        "Insurers sent assessors to the homes damaged in the Northport floods.",
    ];

    public static string Speaker(int p) => Names[p];

    public static IReadOnlyList<SourceDocument> Event(int reports, int speakers, IReadOnlyDictionary<int, string>? roles = null)
    {
        var docs = new List<SourceDocument>();
        for (var r = 0; r < reports; r++)
        {
            var sentences = new List<(string Text, int Speaker)>
            {
                (Leads[r % Leads.Length], -1),
                (Leads[(r + 1) % Leads.Length].Replace("Northport", "the town of Northport", StringComparison.Ordinal), -1),
            };
            for (var p = 0; p < speakers; p++)
            {
                if (r % (p + 1) == 0)
                {
                    var role = roles?.GetValueOrDefault(p) is { } described ? ", " + described + "," : string.Empty;
                    sentences.Add(($"“The water rose faster than anyone planned for in report {r} and point {p},” {Names[p]}{role} said.", p));
                }
            }

            docs.Add(Document(r, sentences, speakers, roles));
        }

        return docs;
    }

    private static SourceDocument Document(int r, List<(string Text, int Speaker)> sentences, int speakers, IReadOnlyDictionary<int, string>? roles)
    {
        var name = "articles/report" + r.ToString(CultureInfo.InvariantCulture);
        var body = string.Join("\n\n", sentences.Select(s => s.Text));
        var annotation = new Annotation { ArticleName = name, AnnotatorVersion = "test" };
        var at = 0;
        for (var i = 0; i < sentences.Count; i++)
        {
            annotation.Sentences.Add(new Sentence { Index = i, Start = at, End = at + sentences[i].Text.Length, Text = sentences[i].Text });
            at += sentences[i].Text.Length + 2;
        }

        for (var p = 0; p < speakers; p++)
        {
            var mentions = Mentions(body, Names[p]).ToList();
            if (mentions.Count == 0)
            {
                continue;
            }

            var entity = new TextEntity
            {
                Key = "e" + p.ToString(CultureInfo.InvariantCulture),
                DisplayName = Names[p],
                EntityName = "entities/person-" + Names[p].ToLowerInvariant().Replace(' ', '-'),
                Type = EntityType.Person,
                Salience = 0.5,
                MentionCount = mentions.Count,
            };
            entity.Aliases.Add(Names[p]);
            if (roles?.GetValueOrDefault(p) is { } role)
            {
                entity.Roles.Add(new Role { Text = role });
            }

            annotation.Entities.Add(entity);
            foreach (var start in mentions)
            {
                var sentence = annotation.Sentences.First(s => start >= s.Start && start < s.End);
                annotation.Mentions.Add(new Mention { Text = Names[p], Start = start, End = start + Names[p].Length, Type = EntityType.Person, EntityKey = entity.Key, SentenceIndex = sentence.Index });
                var open = sentence.Text.IndexOf('“', StringComparison.Ordinal);
                var close = sentence.Text.IndexOf('”', StringComparison.Ordinal);
                annotation.Quotes.Add(new Quote
                {
                    Text = sentence.Text[(open + 1)..close],
                    Start = sentence.Start + open + 1,
                    End = sentence.Start + close,
                    Cue = "said",
                    SpeakerKey = entity.Key,
                    SpeakerText = Names[p],
                    SpeakerStart = start,
                    SpeakerEnd = start + Names[p].Length,
                    Direct = true,
                    SentenceIndex = sentence.Index,
                });
            }
        }

        return new SourceDocument(name, "Northport floods, report " + r.ToString(CultureInfo.InvariantCulture), body, "Outlet " + r.ToString(CultureInfo.InvariantCulture), null, "hash" + r.ToString(CultureInfo.InvariantCulture), SourceMapper.ToDomain(annotation));
    }

    private static IEnumerable<int> Mentions(string body, string name)
    {
        for (var at = body.IndexOf(name, StringComparison.Ordinal); at >= 0; at = body.IndexOf(name, at + name.Length, StringComparison.Ordinal))
        {
            yield return at;
        }
    }
}
