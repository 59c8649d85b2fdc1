using System.Globalization;
using Summaries.Contracts.Entity.V1;
using Summaries.Summary.Clients;
using Summaries.Summary.Sources;

namespace Summaries.Summary.Tests.Facts;

/// <summary>
/// Many reports of one kind of event written from one template (who met whom about what, where,
/// on which day), annotated as the entity service would: a trap for citations chosen by likeness.
/// </summary>
public static class GeneratedReports
{
    private static readonly string[] Topics = ["trade", "health", "energy", "climate", "security", "farming", "transport", "education"];
    private static readonly string[] Cities = ["Hanoi", "Quito", "Geneva", "Nairobi", "Lima", "Oslo", "Manila", "Accra", "Riga", "Dakar", "Hobart", "Tunis"];

    public const string Leader = "Xi Jinping";

    /// <summary>Report <paramref name="i"/>: its topic, city and day follow from i.</summary>
    public static (string Topic, string City, int Day) Event(int i) =>
        (Topics[i % Topics.Length], Cities[(i * 7) % Cities.Length], 100 + (i * 37 % 250));

    public static SourceDocument Report(int i, bool reworded = false)
    {
        var (topic, city, day) = Event(i);
        var lead = reworded
            ? $"On day {day}, Chinese President {Leader} discussed {topic} with delegates in {city}."
            : $"Chinese President {Leader} discussed {topic} with delegates in {city} on day {day}.";
        string[] sentences =
        [
            lead,
            $"Officials said the talks on {topic} lasted {2 + (i % 5)} hours.",
            $"The next round is planned in {Cities[(i + 3) % Cities.Length]}.",
        ];
        return Document($"articles/report{i.ToString(CultureInfo.InvariantCulture)}{(reworded ? "b" : string.Empty)}", sentences,
            [("entities/person-xi-jinping", Leader, EntityType.Person, [Leader, "Xi"]), .. Cities.Select(c => ($"entities/location-{c.ToLowerInvariant()}", c, EntityType.Location, new[] { c }))]);
    }

    /// <summary>A source whose annotation has one sentence per entry and every listed entity where its forms occur.</summary>
    public static SourceDocument Document(string name, IReadOnlyList<string> sentences, IEnumerable<(string Key, string Name, EntityType Type, string[] Forms)> entities)
    {
        var body = string.Join(" ", sentences);
        var annotation = new Annotation { ArticleName = name, AnnotatorVersion = "test" };
        var offset = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            annotation.Sentences.Add(new Sentence { Index = s, Start = offset, End = offset + sentences[s].Length, Text = sentences[s] });
            offset += sentences[s].Length + 1;
        }

        foreach (var (key, display, type, forms) in entities)
        {
            var mentions = new List<Mention>();
            foreach (var form in forms)
            {
                for (var at = body.IndexOf(form, StringComparison.Ordinal); at >= 0; at = body.IndexOf(form, at + form.Length, StringComparison.Ordinal))
                {
                    var sentence = annotation.Sentences.First(x => at >= x.Start && at < x.End).Index;
                    if (!mentions.Any(m => at >= m.Start && at < m.End))
                    {
                        mentions.Add(new Mention { Text = form, Start = at, End = at + form.Length, Type = type, EntityKey = key, SentenceIndex = sentence });
                    }
                }
            }

            if (mentions.Count == 0)
            {
                continue;
            }

            var entity = new TextEntity { Key = key, DisplayName = display, Type = type, Salience = 0.5, MentionCount = mentions.Count };
            entity.Aliases.AddRange(forms);
            annotation.Entities.Add(entity);
            annotation.Mentions.AddRange(mentions);
        }

        return new SourceDocument(name, sentences[0], body, "Generated Wire", null, "hash-" + name, SourceMapper.ToDomain(annotation));
    }
}
