using Summaries.Contracts.Entity.V1;
using Summaries.Summary.Clients;
using Summaries.Summary.Sources;

namespace Summaries.Summary.Tests.Facts;

/// <summary>
/// Small hand-made sources with annotations, built from plain descriptions so each test states
/// exactly what the entity service would have said.
/// </summary>
public static class SampleSources
{
    public const string Body =
        "Foreign ministers of Atlantis and Lemuria met in Geneva on Tuesday amid soaring tensions.\n\n" +
        "“We want a fair deal,” Atlantis foreign minister Ana Ruiz said.\n\n" +
        "Lemuria's foreign ministry said the talks were “a waste of time” and blamed Atlantis for the delay.\n\n" +
        "Ana Ruiz and Lemurian envoy Tom Berg shake hands in Geneva (Pool via AP)\n\n" +
        "The two countries have disputed the border for 30 years.";

    public static SourceDocument Document(string articleName = "articles/sample1", string body = Body)
    {
        var annotation = new Annotation { ArticleName = articleName, AnnotatorVersion = "test" };
        var index = 0;
        foreach (var paragraph in body.Split("\n\n"))
        {
            var start = body.IndexOf(paragraph, StringComparison.Ordinal);
            annotation.Sentences.Add(new Sentence { Index = index++, Start = start, End = start + paragraph.Length, Text = paragraph });
        }

        AddEntity(annotation, body, "e1", "Ana Ruiz", EntityType.Person, 0.9, "Ana Ruiz");
        AddEntity(annotation, body, "e2", "Lemuria's foreign ministry", EntityType.Organization, 0.6, "Lemuria's foreign ministry");
        AddEntity(annotation, body, "e3", "Geneva", EntityType.Location, 0.3, "Geneva");
        AddEntity(annotation, body, "e4", "Atlantis", EntityType.Location, 0.5, "Atlantis");
        AddEntity(annotation, body, "e5", "Lemuria", EntityType.Location, 0.5, "Lemuria");
        AddQuote(annotation, body, "We want a fair deal,", "e1", "Ana Ruiz", "said", direct: true, sentence: 1);
        AddQuote(annotation, body, "a waste of time", "e2", "Lemuria's foreign ministry", "said", direct: true, sentence: 2);
        return new SourceDocument(articleName, "Atlantis and Lemuria hold soaring-stakes talks", body, "Test Wire", null, "hash", SourceMapper.ToDomain(annotation));
    }

    private static void AddEntity(Annotation a, string body, string key, string name, EntityType type, double salience, string surface)
    {
        var e = new TextEntity { Key = key, DisplayName = name, Type = type, Salience = salience, MentionCount = 1 };
        e.Aliases.Add(surface);
        a.Entities.Add(e);
        var at = body.IndexOf(surface, StringComparison.Ordinal);
        while (at >= 0)
        {
            var sentence = a.Sentences.First(s => at >= s.Start && at < s.End).Index;
            a.Mentions.Add(new Mention { Text = surface, Start = at, End = at + surface.Length, Type = type, EntityKey = key, SentenceIndex = sentence });
            at = body.IndexOf(surface, at + surface.Length, StringComparison.Ordinal);
        }
    }

    private static void AddQuote(Annotation a, string body, string words, string speaker, string speakerText, string cue, bool direct, int sentence)
    {
        var start = body.IndexOf(words, StringComparison.Ordinal);
        if (start < 0 || sentence >= a.Sentences.Count)
        {
            return;
        }

        var speakerStart = body.IndexOf(speakerText, a.Sentences[sentence].Start, StringComparison.Ordinal);
        a.Quotes.Add(new Quote
        {
            Text = words,
            Start = start,
            End = start + words.Length,
            Cue = cue,
            SpeakerKey = speaker,
            SpeakerText = speakerText,
            SpeakerStart = speakerStart,
            SpeakerEnd = speakerStart + speakerText.Length,
            Direct = direct,
            SentenceIndex = sentence,
        });
    }
}
